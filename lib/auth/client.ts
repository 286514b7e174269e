/** The browser-side better-auth client (sign in / sign out). */
import { createAuthClient } from "better-auth/react";

export const authClient = createAuthClient();
