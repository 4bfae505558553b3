#!/usr/bin/env bash
# Prints the GetConfig Lambda's figures: Native AOT init time (process start to first /invocation/next) and the
# per-invoke overhead over a direct POST /internal/connect, from 300 invocations through a Runtime API emulator.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build FlowConfigs.sln -c Release -nologo -v q
dotnet test tests/FlowConfigs.GetConfig.Tests -c Release --no-build --filter "FullyQualifiedName~Reports_init_time_and_per_invoke_overhead" \
  --logger "console;verbosity=detailed" | grep -E "^ +(init|median)"
