import { TextInput, type TextInputProps } from "@mantine/core";

type Props = Omit<TextInputProps, "onChange"> & { onChange: (value: string) => void };

/** A 6-digit one-time code: numeric keypad, autofill from SMS, digits only ("123 456" → 123456). */
export function CodeInput({ onChange, ...props }: Props) {
  return (
    <TextInput
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      styles={{ input: { fontSize: 20, letterSpacing: "0.3em" } }}
      {...props}
      onChange={(event) => onChange(event.currentTarget.value.replace(/\D/g, "").slice(0, 6))}
    />
  );
}
