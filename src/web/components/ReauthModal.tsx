import { useEffect, useRef, useState } from "react";
import { handleReauth } from "../api.js";
import { deferred } from "./deferred.js";

const ReauthForm = deferred(() => import("./ReauthForm.js").then((m) => m.ReauthForm));

/**
 * Answers REAUTH_REQUIRED from any call: asks for the password, confirms it with the server, and
 * lets the call be retried. Requests that need it at the same time share one prompt. It stacks
 * above other dialogs, since the action that needed it often started in one.
 */
export function ReauthModal() {
  const [opened, setOpened] = useState(false);
  const resolver = useRef<((confirmed: boolean) => void) | null>(null);
  const prompt = useRef<Promise<boolean> | null>(null);

  useEffect(
    () =>
      handleReauth(() => {
        prompt.current ??= new Promise<boolean>((resolve) => {
          resolver.current = resolve;
          setOpened(true);
        });
        return prompt.current;
      }),
    [],
  );

  const finish = (confirmed: boolean) => {
    resolver.current?.(confirmed);
    resolver.current = null;
    prompt.current = null;
    setOpened(false);
  };

  return opened ? <ReauthForm onDone={finish} /> : null;
}
