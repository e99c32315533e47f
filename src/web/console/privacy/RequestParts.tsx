import { Text } from "@mantine/core";
import { StatusBadge } from "../../components/StatusBadge.js";
import { formatDateTime } from "../../format.js";
import { isUrgent, type PrivacyRequest, type RequestStatus, useNow, usePrivacyWords } from "./privacy.js";

const OPEN: PrivacyRequest["status"][] = ["open", "in_progress"];

/** A request's due date, and while it is open the time left or overdue, red when less than a day remains. */
export function RequestClock({ request }: { request: PrivacyRequest }) {
  const words = usePrivacyWords();
  const now = useNow(60_000);
  const open = OPEN.includes(request.status);
  const left = new Date(request.dueAt).getTime() - now;
  return (
    <div>
      <Text size="sm" style={{ whiteSpace: "nowrap" }}>
        {formatDateTime(request.dueAt)}
      </Text>
      {open && (
        <Text size="xs" fw={600} c={isUrgent(left) || request.overdue ? "red.9" : "dimmed"}>
          {words.timeLeft(left)}
        </Text>
      )}
    </div>
  );
}

export const isOpenRequest = (request: PrivacyRequest) => OPEN.includes(request.status);

const TONES = {
  open: "waiting",
  in_progress: "waiting",
  completed: "positive",
  rejected: "inactive",
  cancelled: "inactive",
} as const;

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  const words = usePrivacyWords();
  return <StatusBadge tone={TONES[status]}>{words.status(status)}</StatusBadge>;
}
