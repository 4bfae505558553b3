import { useCallback, useEffect, useMemo, useState } from "react";
import { useNavigate } from "react-router-dom";
import Alert from "@cloudscape-design/components/alert";
import BarChart from "@cloudscape-design/components/bar-chart";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import KeyValuePairs from "@cloudscape-design/components/key-value-pairs";
import Link from "@cloudscape-design/components/link";
import SegmentedControl from "@cloudscape-design/components/segmented-control";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Spinner from "@cloudscape-design/components/spinner";
import Table from "@cloudscape-design/components/table";
import type { ConfigUsage } from "../api/types";
import { useAuth } from "../auth/AuthContext";
import { promptPath } from "../configs/paths";
import { LastRead } from "./LastRead";
import { dayLabel, missingPromptRows, usageSeries, type Breakdown } from "./usageSeries";
import { usageDays } from "./window";

const breakdownLabel: Record<Breakdown, string> = { language: "By language", channel: "By channel" };

/** How contact flows read one config: totals, reads per day by language or channel, and prompts a language lacked. */
export function UsageTab({ id }: { id: string }) {
  const { api } = useAuth();
  const navigate = useNavigate();
  const [usage, setUsage] = useState<ConfigUsage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [by, setBy] = useState<Breakdown>("language");

  const load = useCallback(() => {
    setError(null);
    api.configUsage(id, usageDays).then(setUsage, (e: Error) => setError(e.message));
  }, [api, id]);
  useEffect(() => { load(); }, [load]);

  const series = useMemo(() => (usage ? usageSeries(usage.days, by) : []), [usage, by]);
  const missing = useMemo(() => (usage ? missingPromptRows(usage.days) : []), [usage]);

  if (error) return <Alert type="error" header="Usage could not be loaded" action={<Button onClick={load}>Retry</Button>}>{error}</Alert>;
  if (!usage) return <Spinner size="large" />;

  const first = usage.days[0]?.day;
  const last = usage.days[usage.days.length - 1]?.day;
  return (
    <SpaceBetween size="l">
      <Container header={
        <Header variant="h2" actions={<Button iconName="refresh" ariaLabel="Refresh usage" onClick={load} />}
          description={`GetConfig reads by contact flows over the last ${usageDays} days (UTC days). New reads show within about 10 seconds.`}>
          Usage
        </Header>}>
        <KeyValuePairs columns={3} items={[
          { label: `Reads (${usageDays} days)`, value: usage.reads.toLocaleString() },
          { label: "Last read", value: <LastRead at={usage.lastReadAt ?? null} /> },
          { label: "Fallback reads", value: usage.fallback.toLocaleString() },
        ]} />
      </Container>
      <Container header={
        <Header variant="h2" description="Stacked by the language or channel flows asked for."
          actions={
            <SegmentedControl selectedId={by} label="Break reads down" onChange={({ detail }) => setBy(detail.selectedId as Breakdown)}
              options={(["language", "channel"] as const).map((b) => ({ id: b, text: breakdownLabel[b] }))} />
          }>
          Reads per day
        </Header>}>
        <BarChart
          series={series}
          xDomain={usage.days.map((d) => d.day)}
          xScaleType="categorical"
          stackedBars
          height={240}
          xTitle="Day (UTC)"
          yTitle="Reads"
          legendTitle={by === "language" ? "Language" : "Channel"}
          xTickFormatter={(day) => dayLabel(day)}
          hideFilter
          ariaLabel={`Reads per day ${by === "language" ? "by language" : "by channel"}`}
          ariaDescription={first && last
            ? `Stacked bars, one per UTC day from ${first} to ${last}; ${usage.reads} reads in all. Move through the days with the arrow keys for each day's numbers.`
            : undefined}
          i18nStrings={{
            legendAriaLabel: "Legend",
            detailPopoverDismissAriaLabel: "Close",
            chartAriaRoleDescription: "bar chart",
            xAxisAriaRoleDescription: "days",
            yAxisAriaRoleDescription: "reads",
          }}
          empty={<Box textAlign="center" color="inherit"><b>No reads in the last {usageDays} days</b><Box variant="p" color="inherit">Contact flows have not asked for this config.</Box></Box>}
        />
      </Container>
      <Table
        variant="container"
        items={missing}
        trackBy={(row) => `${row.language} ${row.prompt}`}
        wrapLines
        ariaLabels={{ tableLabel: "Missing translations" }}
        header={<Header variant="h2" counter={`(${missing.length})`}
          description="Prompts a language flows asked for had no text in: callers heard the fallback language or nothing.">
          Missing translations
        </Header>}
        columnDefinitions={[
          { id: "language", header: "Language", cell: (row) => row.language },
          {
            id: "prompt", header: "Prompt", cell: (row) => {
              const href = promptPath(id, row.prompt, row.language);
              return <Link href={href} ariaLabel={`${row.prompt} in ${row.language}`} onFollow={(e) => { e.preventDefault(); navigate(href); }}>{row.prompt}</Link>;
            },
          },
          { id: "reads", header: "Reads", cell: (row) => row.reads.toLocaleString() },
        ]}
        empty={<Box textAlign="center" color="inherit">Every language flows asked for had every prompt.</Box>}
      />
    </SpaceBetween>
  );
}
