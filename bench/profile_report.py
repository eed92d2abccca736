#!/usr/bin/env python3
"""Turns a JFR recording of a GridPBX node into the text report of bench/profile.sh.

  profile_report.py snapshot PID > FILE     per-thread CPU ticks of a process, from /proc/PID/task
  profile_report.py report --jfr F --jfr-bin JFR [--threads0 F --threads1 F --thread-dump F]
                           [--result LINE] [--top N]

The report: samples per layer (each jdk.ExecutionSample, or jdk.CPUTimeSample with --event, is classified by the first frame, from the
top of its stack down, that belongs to a layer), the top leaf frames, samples per thread, the
process's CPU per thread from /proc (which also sees the GC and JIT threads that execution samples
never do), the GC figures of the recording, and the node's and SIPp's CPU per operation (from the
RESULT line of bench/lib.sh's run_load). Standard library only.
"""
import argparse
import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict

# Checked in this order on each frame; the first frame (from the top) that matches any layer decides.
LAYERS = [
    ("JAIN-SIP parse", re.compile(
        r"^gov\.nist\.javax\.sip\.parser\.|^gov\.nist\.core\.(\w*Parser\w*|LexerCore|Lexer|StringTokenizer)\.")),
    ("JAIN-SIP transactions/stack", re.compile(
        r"^gov\.nist\.javax\.sip\.(stack\.|[A-Z])|^gov\.nist\.core\.(net\.|ThreadAuditor)|^gov\.nist\.javax\.sip\.stack\.timers")),
    # Not one of the layers, but without it header/message encoding and cloning would be
    # counted in whichever layer happened to call it.
    ("JAIN-SIP messages (headers, encode, clone)", re.compile(
        r"^gov\.nist\.(javax\.sip\.(header|message|address)\.|core\.)")),
    ("write-behind/database", re.compile(
        r"^(org\.h2\.|com\.mysql\.|org\.mariadb\.|com\.zaxxer\.|io\.gridpbx\.persistence\.)")),
    ("crypto", re.compile(
        r"^(sun\.security\.|com\.sun\.crypto\.|javax\.crypto\.|java\.security\.MessageDigest)")),
    ("Hazelcast", re.compile(r"^com\.hazelcast\.")),
    ("GridPBX logic", re.compile(r"^io\.gridpbx\.")),
    ("JDK networking", re.compile(r"^(sun\.nio\.|java\.net\.|sun\.net\.|java\.nio\.channels\.)")),
    ("logging", re.compile(r"^(ch\.qos\.logback\.|org\.slf4j\.|org\.apache\.logging\.)")),
]
OTHER = "other"

# The SIP edge's checks (issue 7): the in-dialog proof, the door (bans, floods, screens, raw checks)
# and the nonce-counts, across the layers: a sample is the edge's when the innermost GridPBX frame of
# its stack is one of them (the check's own code and the library code it calls, such as a URI parse or
# a hash; not the request handling that runs under a door that let it pass). Work a check hands to
# another thread counts there only in its own frames (the nonce-count processor on a partition thread,
# not Hazelcast's handling of the operation), so this is a floor of what the edge costs.
EDGE = re.compile(
    r"^io\.gridpbx\.(core\.security\.|core\.auth\.(NonceUse|LocalNonceCounts)|node\.grid\.(HazelcastNonceCounts|AdvanceNonceCountProcessor)"
    r"|sip\.jain\.(DialogGuard|DialogOf|DialogTracker|RecentDialogs|JainSipEdge\w*|JainSipSourceFilter|JainSipRequestScreen"
    r"|RawMessageCheck|HeaderFaultRecorder|MessageFault)\b)")


def layer_of(frames):
    for f in frames:
        for name, rx in LAYERS:
            if rx.search(f):
                return name
    return OTHER


def thread_group(name):
    """A thread's name without its number, address or file:
    'hz.gridpbx-127.0.0.1-35701.partition-operation.thread-3' -> 'hz.*.partition-operation.thread',
    'gridpbx-127.0.0.1:35060-UDPMessageChannelThread-12' -> 'gridpbx-<addr>-UDPMessageChannelThread'."""
    name = re.sub(r"\d+\.\d+\.\d+\.\d+([-:/]\d+)?", "<addr>", name)
    name = re.sub(r" /\S+", " <file>", name)
    name = re.sub(r"^hz\.[^.]+\.", "hz.*.", name)
    name = re.sub(r"([-#_ ])\d+(?=[-#_ .]|$)", r"\1", name)   # thread-3, exec-1-x, Thread#0
    name = re.sub(r"(?<=[A-Za-z])\d+$", "", name)              # CompilerThread0
    return re.sub(r"[-#_ .]+$", "", name) or "?"


JDK_FRAME = re.compile(r"^(java\.|javax\.|jdk\.|sun\.|com\.sun\.)")


def first_app_frame(frames):
    """The first frame, from the top, outside the JDK: who called the JDK method on CPU."""
    for f in frames:
        if not JDK_FRAME.search(f):
            return f
    return "(JDK only)"


def parse_samples(jfr_bin, jfr_file, depth, event):
    """Yields (thread name, [frame 'pkg.Class.method', top first]) per sample event."""
    proc = subprocess.Popen([jfr_bin, "print", "--stack-depth", str(depth), "--events", event,
                             jfr_file], stdout=subprocess.PIPE, text=True, bufsize=1 << 20)
    thread, frames, in_stack = None, [], False
    for line in proc.stdout:
        s = line.strip()
        if s.startswith(event + " {"):
            thread, frames, in_stack = None, [], False
        elif s.startswith("sampledThread = ") or s.startswith("eventThread = "):
            m = re.match(r'\w+ = "(.*)" \(', s)
            thread = m.group(1) if m else s.split(" = ", 1)[1]
        elif s.startswith("stackTrace = ["):
            in_stack = True
        elif in_stack and s == "]":
            in_stack = False
        elif in_stack:
            if s == "...":
                continue
            frames.append(s.split("(", 1)[0])
        elif s == "}" and thread is not None:
            yield thread, frames
            thread = None
    proc.wait()


def jfr_json(jfr_bin, jfr_file, events):
    out = subprocess.run([jfr_bin, "print", "--json", "--events", events, jfr_file],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]


def seconds(iso):   # "PT0.043127594S", "PT1M2.5S"
    m = re.match(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?", iso or "")
    if not m:
        return 0.0
    h, mi, s = m.groups()
    return int(h or 0) * 3600 + int(mi or 0) * 60 + float(s or 0)


def snapshot(pid):
    hz = os.sysconf("SC_CLK_TCK")
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                st = f.read()
        except OSError:
            continue
        comm = st[st.index("(") + 1:st.rindex(")")]
        rest = st[st.rindex(")") + 2:].split()
        ms = (int(rest[11]) + int(rest[12])) * 1000 // hz
        print(f"{tid}\t{ms}\t{comm}")


def read_snapshot(path):
    snap = {}
    with open(path) as f:
        for line in f:
            tid, ms, comm = line.rstrip("\n").split("\t", 2)
            snap[tid] = (int(ms), comm)
    return snap


def java_names(dump):
    """OS thread id -> Java thread name, from a jcmd Thread.print ('"name" #12 [4321] ...' lines)."""
    names = {}
    if dump and os.path.exists(dump):
        with open(dump) as f:
            for line in f:
                m = re.match(r'^"(.*)" .*?(?:\[(\d+)\]|nid=(0x[0-9a-f]+|\d+))', line)
                if m:
                    tid = m.group(2) or str(int(m.group(3), 0))
                    names[tid] = m.group(1)
    return names


def cpu_kind(name):
    if re.match(r"^(GC Thread|G1 |GC |ZWorker|ZDriver|Shenandoah)", name):
        return "GC"
    if re.match(r"^C[12] Compiler", name):
        return "JIT"
    if re.match(r"^(VM Thread|VM Periodic|JFR |Service Thread|Monitor Deflation|Common-Cleaner|Notification Thread)", name):
        return "VM/JFR"
    return "Java"


def field(line, key):
    m = re.search(r"\b" + re.escape(key) + r"=([0-9.]+)", line or "")
    return float(m.group(1)) if m else None


def report(a):
    samples = 0
    by_layer = Counter()
    by_leaf = Counter()
    leaf_layer = {}
    leaf_caller = {}
    by_thread = Counter()
    layer_by_thread = defaultdict(Counter)
    edge = 0
    for thread, frames in parse_samples(a.jfr_bin, a.jfr, a.depth, a.event):
        samples += 1
        edge += bool(EDGE.search(next((f for f in frames if f.startswith("io.gridpbx.")), "")))
        layer = layer_of(frames)
        by_layer[layer] += 1
        leaf = frames[0] if frames else "?"
        by_leaf[leaf] += 1
        leaf_layer.setdefault(leaf, Counter())[layer] += 1
        leaf_caller.setdefault(leaf, Counter())[first_app_frame(frames)] += 1
        g = thread_group(thread)
        by_thread[g] += 1
        layer_by_thread[g][layer] += 1
    pct = lambda n: 100.0 * n / samples if samples else 0.0

    what = ("Java threads running Java code, every 10 ms: code in native methods and the VM's own threads are"
            " not sampled" if a.event == "jdk.ExecutionSample" else
            "Java threads, one sample per 10 ms of their CPU time, native code included")
    print(f"== samples: {samples} {a.event} ({what}; stack depth {a.depth})")
    print(f"{'layer':<44} {'samples':>8} {'%':>6}")
    for name in [n for n, _ in LAYERS] + [OTHER]:
        print(f"{name:<44} {by_layer[name]:>8} {pct(by_layer[name]):>6.1f}")
    print(f"{'of all: the SIP edge checks':<44} {edge:>8} {pct(edge):>6.1f}"
          "   (in-dialog proof, door, nonce-counts: the innermost GridPBX frame; a floor)")

    print(f"\n== top {a.top} leaf frames (the method on CPU), the layer of most of their samples and, for a JDK"
          " method, its most frequent first caller outside the JDK")
    print(f"{'%':>6} {'samples':>8}  frame  [layer]  <- caller (share of the frame's samples)")
    for leaf, n in by_leaf.most_common(a.top):
        caller = ""
        if JDK_FRAME.search(leaf):
            c, k = leaf_caller[leaf].most_common(1)[0]
            caller = f"  <- {c} ({100.0 * k / n:.0f}%)"
        print(f"{pct(n):>6.1f} {n:>8}  {leaf}  [{leaf_layer[leaf].most_common(1)[0][0]}]{caller}")

    print("\n== samples per thread (name without digits), and each one's main layers")
    print(f"{'%':>6} {'samples':>8}  thread")
    for g, n in by_thread.most_common(20):
        top = ", ".join(f"{l} {100.0 * c / n:.0f}%" for l, c in layer_by_thread[g].most_common(3))
        print(f"{pct(n):>6.1f} {n:>8}  {g}   ({top})")

    if a.threads0 and a.threads1:
        s0, s1 = read_snapshot(a.threads0), read_snapshot(a.threads1)
        names = java_names(a.thread_dump)
        cpu = Counter()
        kinds = Counter()
        for tid, (ms, comm) in s1.items():
            d = ms - s0.get(tid, (0, comm))[0]
            if d <= 0:
                continue
            name = names.get(tid, comm)
            cpu[thread_group(name)] += d
            kinds[cpu_kind(name)] += d
        total = sum(cpu.values())
        print(f"\n== node CPU per thread over the recording, from /proc/<pid>/task (threads alive at the end; "
              f"{total} ms in all)")
        print("   " + ", ".join(f"{k} {v} ms ({100.0 * v / total:.0f}%)" for k, v in kinds.most_common()) if total else "")
        print(f"{'%':>6} {'cpu_ms':>8}  thread")
        for g, ms in cpu.most_common(20):
            print(f"{100.0 * ms / total:>6.1f} {ms:>8}  {g}")

    gcs = jfr_json(a.jfr_bin, a.jfr, "jdk.GarbageCollection,jdk.GCCPUTime,jdk.GCHeapSummary")
    gc = [e["values"] for e in gcs if e["type"] == "jdk.GarbageCollection"]
    gcc = [e["values"] for e in gcs if e["type"] == "jdk.GCCPUTime"]
    heap = [e["values"] for e in gcs if e["type"] == "jdk.GCHeapSummary"]
    after = [h["heapUsed"] for h in heap if h.get("when") == "After GC"]
    pauses = sum(seconds(g["sumOfPauses"]) for g in gc)
    longest = max((seconds(g["longestPause"]) for g in gc), default=0.0)
    gc_cpu = sum(seconds(c["userTime"]) + seconds(c["systemTime"]) for c in gcc)
    kinds = Counter(g["name"] for g in gc)
    print("\n== GC over the recording")
    print(f"collections {len(gc)} ({', '.join(f'{k} {v}' for k, v in kinds.items()) or '-'}), "
          f"pauses {pauses * 1000:.0f} ms in all, longest {longest * 1000:.1f} ms; "
          f"GC CPU (jdk.GCCPUTime user+sys) {gc_cpu * 1000:.0f} ms; "
          f"jdk.GCHeapSummary events {len(heap)}; heap after GC "
          + (f"avg {sum(after) / len(after) / 2**20:.0f} MiB, max {max(after) / 2**20:.0f} MiB" if after else "-"))

    r = a.result
    if r:
        ok, wall = field(r, "ok"), field(r, "wall")
        scpu, per_op, sipp = field(r, "server_cpu"), field(r, "server_cpu_per_op"), field(r, "sipp_cpu")
        print("\n== CPU per operation (the whole SIPp run, inside the recording)")
        print(r.strip())
        if ok and wall:
            sipp_per_op = sipp / 100 * wall * 1e6 / ok if sipp is not None else 0
            gc_per_op = gc_cpu * 1e6 / ok
            print(f"node: {scpu:.0f}% of one core, {per_op:.0f} us per successful operation ({ok:.0f} in {wall:.1f} s), "
                  f"of which GC threads (jdk.GCCPUTime) {gc_per_op:.0f} us")
            print(f"SIPp (UAC + UAS): {sipp:.0f}% of one core, {sipp_per_op:.0f} us per operation")


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("snapshot")
    s.add_argument("pid")
    r = sub.add_parser("report")
    r.add_argument("--jfr", required=True)
    r.add_argument("--jfr-bin", default="jfr")
    r.add_argument("--depth", type=int, default=64)
    r.add_argument("--event", default="jdk.ExecutionSample", help="or jdk.CPUTimeSample (JDK 25, Linux)")
    r.add_argument("--top", type=int, default=25)
    r.add_argument("--threads0")
    r.add_argument("--threads1")
    r.add_argument("--thread-dump")
    r.add_argument("--result")
    a = p.parse_args()
    if a.cmd == "snapshot":
        snapshot(a.pid)
    else:
        report(a)


if __name__ == "__main__":
    sys.exit(main())
