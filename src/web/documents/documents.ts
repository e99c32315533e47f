import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { type ApiData, api } from "../api.js";
import { HOME_PATH } from "../resident/home.js";

export const DOCUMENTS_PATH = "/documents";
export type Document = ApiData<"get", "/documents/{id}">;
export type DocumentCategory = Document["category"];

/** Where a version's file opens (the browser's PDF viewer, or the image). */
export const documentFileUrl = (id: string, fileId: string) => `/api/v1/documents/${id}/files/${fileId}`;

export const categoryText = (t: TFunction, category: DocumentCategory) =>
  t(`documents.categories.${category}`);

export function useDocument(id: string) {
  return useQuery({
    queryKey: [DOCUMENTS_PATH, id],
    queryFn: () => api.GET("/documents/{id}", { params: { path: { id } } }),
  });
}

/** "Read and acknowledged": the answer is the document as it now stands; every list of documents is refreshed. */
export function useAcknowledge(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.POST("/documents/{id}/acknowledge", { params: { path: { id } } }),
    onSuccess: (doc) => {
      client.setQueryData([DOCUMENTS_PATH, id], doc);
      void client.invalidateQueries({ queryKey: [DOCUMENTS_PATH] });
      void client.invalidateQueries({ queryKey: [HOME_PATH] });
    },
  });
}
