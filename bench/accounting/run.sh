#!/usr/bin/env bash
# Accounting benchmark: CPU seconds and memory of a known burner as the local runtime reports them,
# and the cost of sampling. Prints a table per check and exits non-zero if a check fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
"$root/scripts/setup" bench
dotnet build "$root/bench/accounting/AccountingBench.csproj" -c Release -nologo -v:quiet -clp:"ErrorsOnly;NoSummary"
exec dotnet "$root/bench/accounting/bin/Release/net10.0/AccountingBench.dll"
