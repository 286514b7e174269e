"use client";

import { useQuery } from "@tanstack/react-query";
import type { UserList } from "@/lib/auth/user-list";
import { getJson } from "./api";
import { userKeys } from "./review-keys";

/** Every account, for pickers (reviewers and admins may list them). */
export function useUsers() {
  return useQuery({ queryKey: userKeys.list(), queryFn: () => getJson<UserList>("/api/users", "Loading the people") });
}
