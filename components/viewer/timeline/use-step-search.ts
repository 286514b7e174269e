"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { fetchStepSearch } from "../viewer-api";
import { viewerKeys } from "../viewer-keys";

/** "/" search: the submitted text, the steps that contain it (server-side) and which one is current. */
export function useStepSearch(episodeId: number) {
  const [submitted, setSubmitted] = useState("");
  const [current, setCurrent] = useState(0);
  const query = useQuery({
    queryKey: viewerKeys.search(episodeId, submitted),
    queryFn: ({ signal }) => fetchStepSearch(episodeId, submitted, signal),
    enabled: submitted !== "",
    staleTime: Infinity,
  });
  return {
    submitted,
    submit: (text: string) => {
      setSubmitted(text.trim());
      setCurrent(0);
    },
    result: submitted ? query.data : undefined,
    isSearching: query.isFetching,
    error: query.error,
    current,
    setCurrent,
  };
}
