/** The render stage's public surface, for the export orchestrator and writers. */
export { EXPORT_EPISODE_CHUNK, loadExportEpisodes, streamExportEpisodes, type LoadOptions } from "./load-episodes";
export { toParquetRow } from "./parquet-row";
export type { ChatMessage, ChatRecord, ExportRecord, RecordMeta, TextRecord, ToolDefinition } from "./record";
export { isChatRecord } from "./record";
export { recordId, renderEntry, type RenderedEntry, type RenderEntryOptions } from "./render-entry";
export { exportTokenizer } from "./tokenizer";
