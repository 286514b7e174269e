import { route } from "@/lib/http";
import { openApiDocument } from "@/lib/openapi";

/** Public: the API's description, generated from the zod schemas the handlers use. */
export const GET = route({}, async () => openApiDocument());
