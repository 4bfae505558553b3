import { useEffect, useState } from "react";
import Select from "@cloudscape-design/components/select";
import { useAuth } from "../auth/AuthContext";

interface Props {
  /** The chosen zone; "" for "the default" when `defaultLabel` offers one. */
  value: string;
  /** Offered as the first choice with value "" (a config that names no zone follows the settings). */
  defaultLabel?: string;
  readOnly?: boolean;
  invalid?: boolean;
  ariaLabel?: string;
  onChange(zone: string): void;
}

/** A searchable list of the IANA zones the server knows (America/Chicago, Europe/Berlin, ...). */
export function TimeZoneSelect({ value, defaultLabel, readOnly, invalid, ariaLabel, onChange }: Props) {
  const { api } = useAuth();
  const [zones, setZones] = useState<string[] | null>(null);
  const [error, setError] = useState(false);
  useEffect(() => {
    if (readOnly) return;
    api.timeZones().then((z) => { setZones(z); setError(false); }, () => setError(true));
  }, [api, readOnly]);

  const options = [
    ...(defaultLabel ? [{ value: "", label: defaultLabel }] : []),
    // The current zone stays choosable even before the list arrives, or when the list lacks it.
    ...(value && !zones?.includes(value) ? [{ value, label: value }] : []),
    ...(zones ?? []).map((zone) => ({ value: zone, label: zone, filteringTags: zone.split("/").map((part) => part.replace(/_/g, " ")) })),
  ];
  return (
    <Select
      selectedOption={options.find((o) => o.value === value) ?? null}
      options={options}
      filteringType="auto"
      filteringPlaceholder="Find a zone, e.g. Chicago"
      placeholder="Choose a time zone"
      empty="No zones"
      statusType={readOnly ? "finished" : error ? "error" : zones ? "finished" : "loading"}
      loadingText="Loading time zones"
      errorText="The time zones could not be loaded."
      readOnly={readOnly}
      invalid={invalid}
      ariaLabel={ariaLabel}
      virtualScroll
      onChange={({ detail }) => onChange(detail.selectedOption.value ?? "")}
    />
  );
}
