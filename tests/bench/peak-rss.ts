// This process's peak resident memory, in MB, for the export children of the scores benchmark.
// Not process.resourceUsage().maxRSS: on Linux a child's maxRSS keeps the RSS its parent had when
// it forked (the kernel carries the larger across exec), so a child of the benchmark process, which
// holds well over 100 MB by then, reported the parent's size, not its own. VmHWM in
// /proc/self/status is the high-water mark of this process's own memory.
import { readFileSync } from 'node:fs';

export function peakRssMb(): number {
  try {
    const hwm = /^VmHWM:\s*(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // Not Linux: no /proc.
  }
  return process.resourceUsage().maxRSS / 1024;
}
