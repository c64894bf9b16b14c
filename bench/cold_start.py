#!/usr/bin/env python3
"""Cold start: time from exec of `pintu serve` to the first 200 from GET /healthz.

Usage: cold_start.py RUNS HOST:PORT LOGFILE -- PINTU_COMMAND...
Polls every 5 ms with a raw socket; stops the server with SIGTERM after each run and
waits for it to exit (up to 10 s, then SIGKILL and fail). Prints JSON:
{"runs_ms": [...], "median_ms": M, "exit_codes": [...]}.
"""
import json
import signal
import socket
import statistics
import subprocess
import sys
import time

POLL_S = 0.005
TIMEOUT_S = 30.0


def healthy(host, port):
    """True when GET /healthz answers 200 right now."""
    try:
        with socket.create_connection((host, port), timeout=0.5) as s:
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n")
            return s.recv(64).startswith(b"HTTP/1.1 200")
    except OSError:
        return False


def main():
    sep = sys.argv.index("--")
    runs, hostport, logfile = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    cmd = sys.argv[sep + 1:]
    host, port = hostport.rsplit(":", 1)
    port = int(port)
    if healthy(host, port):
        raise SystemExit(f"cold_start: something already answers on {hostport}")
    times, codes = [], []
    with open(logfile, "ab") as log:
        for _ in range(runs):
            t0 = time.perf_counter()
            proc = subprocess.Popen(cmd, stdout=log, stderr=log)
            try:
                while not healthy(host, port):
                    if proc.poll() is not None:
                        raise SystemExit(f"cold_start: pintu exited with {proc.returncode}, see {logfile}")
                    if time.perf_counter() - t0 > TIMEOUT_S:
                        raise SystemExit("cold_start: not healthy after 30 s")
                    time.sleep(POLL_S)
                times.append((time.perf_counter() - t0) * 1000.0)
            finally:
                proc.send_signal(signal.SIGTERM)
                try:
                    codes.append(proc.wait(timeout=10))
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
                    raise SystemExit("cold_start: pintu did not stop within 10 s of SIGTERM")
    print(json.dumps({"runs_ms": [round(t, 1) for t in times],
                      "median_ms": round(statistics.median(times), 1), "exit_codes": codes}))


if __name__ == "__main__":
    main()
