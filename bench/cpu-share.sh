#!/usr/bin/env bash
# CPU time each process of the stack spends while a command runs: which one to profile first.
# usage: bench/cpu-share.sh <command...>   e.g. bench/cpu-share.sh dotnet bench/Orders.Bench/bin/Release/net10.0/Orders.Bench.dll --mode http
set -euo pipefail
tick=$(getconf CLK_TCK)

sample() {  # pid name cpu-ticks, for the processes of the stack
  for stat in /proc/[0-9]*/stat; do
    pid=${stat#/proc/}; pid=${pid%/stat}
    args=$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null || true)
    case "$args" in
      *Orders.WebApi.dll*) name=WebApi ;;
      *Orders.InventoryHost.dll*) name=InventoryHost ;;
      *Orders.PaymentHost.dll*) name=PaymentHost ;;
      *Orders.Bench.dll*) name=load-tool ;;
      *server.py*) name=mongod-standin ;;
      postgres:*|*bin/postgres*) name=postgres ;;
      *) continue ;;
    esac
    read -r -a fields < "$stat" 2>/dev/null || continue
    # utime and stime are fields 14 and 15; the command name (field 2) has no spaces for these processes.
    echo "$name $((fields[13] + fields[14]))"
  done | awk '{ sum[$1] += $2 } END { for (n in sum) print n, sum[n] }'
}

before=$(sample)
start=$(date +%s.%N)
"$@"
end=$(date +%s.%N)
after=$(sample)

echo
echo "CPU seconds per process while it ran ($(echo "$end - $start" | bc) s wall, $(nproc) cores):"
join -a2 <(sort <<<"$before") <(sort <<<"$after") | awk -v tick="$tick" '
  { used = (NF == 3 ? $3 - $2 : $2) / tick; total += used; rows[$1] = used }
  END { for (n in rows) printf "  %-15s %7.2f s  %5.1f%%\n", n, rows[n], 100 * rows[n] / total; printf "  %-15s %7.2f s\n", "total", total }' | sort -k2 -rn
