import packageJson from "@/package.json";

/** The app's version, recorded in manifests and Parquet footers so an export says what wrote it. */
export const appVersion: string = packageJson.version;
