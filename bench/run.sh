#!/usr/bin/env bash
# Prints FlowConfigs' figures from one run: GetConfig against bare Kestrel and a read-from-storage-per-request
# variant, list latency with 10,000 configs, memory, start-up time. --storage dynamodb runs the same against dynalite;
# --telemetry adds a gateway exporting OTLP and its cost on GetConfig. --kill [--gateways 3] runs a cluster of gateways
# on Redis + dynalite and kills -9 the task hosting the configs under GetConfig load: failed requests, slowest request,
# time until every config answers again. --schedules compares GetConfig on configs with 20 schedule entries against
# configs without and measures how late a boundary's switch is seen under load. --usage compares GetConfig counting
# usage against a gateway that does not count, and memory under 100,000 random unknown ids.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
if [[ " $* " == *" --kill "* ]]; then
  command -v redis-server >/dev/null || { apt-get update -qq && apt-get install -y -qq redis-server >/dev/null; }
fi
(cd tests/tools && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
dotnet build FlowConfigs.sln -c Release -nologo -v q
dotnet build bench/FlowConfigs.Bench -c Release -nologo -v q
dotnet bench/FlowConfigs.Bench/bin/Release/net10.0/FlowConfigs.Bench.dll "$@"
