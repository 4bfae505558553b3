#!/usr/bin/env bash
# Prints FlowConfigs' figures from one run: GetConfig against bare Kestrel and a read-from-storage-per-request
# variant, list latency with 10,000 configs, memory with 10,000 active configs, start-up time.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
dotnet build FlowConfigs.sln -c Release -nologo -v q
dotnet build bench/FlowConfigs.Bench -c Release -nologo -v q
dotnet bench/FlowConfigs.Bench/bin/Release/net10.0/FlowConfigs.Bench.dll "$@"
