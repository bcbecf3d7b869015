#!/usr/bin/env python3
"""Probes run beside wrk against `dossier serve` on loopback; every loop is bounded in count and time.

Usage: probes.py PHASE PORT SECONDS PAGE   (PAGE is a path that exists, e.g. /commentary/x/)
PHASE: integrity (run beside wrk), faults, slowloris, malformed, oversized.
Prints one line per check and exits non-zero when a check fails.
"""
import socket
import sys
import threading
import time

HOST = "127.0.0.1"
PHASE = sys.argv[1]
PORT = int(sys.argv[2])
SECONDS = float(sys.argv[3])
PAGE = sys.argv[4]
failures = []
lock = threading.Lock()


def fail(message):
    with lock:
        failures.append(message)
    print("FAIL " + message, flush=True)


def http(raw, timeout=10.0, read_limit=None):
    """Sends raw bytes and returns (status or None, body bytes, seconds)."""
    start = time.monotonic()
    with socket.create_connection((HOST, PORT), timeout=timeout) as sock:
        sock.sendall(raw)
        data = b""
        while True:
            try:
                chunk = sock.recv(65536)
            except socket.timeout:
                break
            if not chunk:
                break
            data += chunk
            if read_limit is not None and len(data) >= read_limit:
                break
            head, _, body = data.partition(b"\r\n\r\n")
            length = None
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value.strip())
            if length is not None and len(body) >= length:
                break
    elapsed = time.monotonic() - start
    head, _, body = data.partition(b"\r\n\r\n")
    status = None
    parts = head.split(b" ", 2)
    if len(parts) >= 2 and parts[0].startswith(b"HTTP/") and parts[1].isdigit():
        status = int(parts[1])
    return status, body, elapsed


def get(path, timeout=10.0):
    return http(f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n".encode(), timeout)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] if ordered else float("nan")


def integrity_loop(deadline, results):
    """Fetches PAGE repeatedly: every answer must be 200 and a whole document."""
    count = 0
    while time.monotonic() < deadline and count < 100000:
        count += 1
        try:
            status, body, _ = get(PAGE)
        except OSError as error:
            fail(f"integrity: socket error {error!r}")
            continue
        if status != 200:
            fail(f"integrity: {PAGE} answered {status}")
        elif not body.rstrip().endswith(b"</html>"):
            fail(f"integrity: {PAGE} served half-written ({len(body)} bytes, ends {body[-40:]!r})")
    results["integrity"] = count


def slow_client(duration):
    """Sends a request one byte at a time over `duration` seconds, then reads the answer."""
    raw = f"GET {PAGE} HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n".encode()
    try:
        with socket.create_connection((HOST, PORT), timeout=duration + 10) as sock:
            for byte in raw:
                sock.send(bytes([byte]))
                time.sleep(duration / len(raw))
            answer = sock.recv(100)
            return answer[:12].decode(errors="replace")
    except OSError as error:
        return f"closed by server ({error.__class__.__name__})"


def disconnecting_clients(deadline, results):
    """Asks for a page, reads a few bytes (or none), and hangs up; bounded count."""
    count = 0
    while time.monotonic() < deadline and count < 2000:
        count += 1
        try:
            with socket.create_connection((HOST, PORT), timeout=5) as sock:
                sock.sendall(f"GET {PAGE} HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode())
                if count % 2:
                    sock.recv(10)
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        except OSError:
            pass
    results["disconnects"] = count


def latency_during_faults(seconds):
    """Normal requests' latency while slow and disconnecting clients are active, against a quiet baseline."""
    baseline = []
    quiet_deadline = time.monotonic() + 3
    while time.monotonic() < quiet_deadline and len(baseline) < 500:
        baseline.append(get(PAGE, timeout=5)[2])
        time.sleep(0.02)
    print(f"faults: quiet baseline {len(baseline)} requests: p50 {percentile(baseline, 0.5) * 1000:.1f} ms, "
          f"p99 {percentile(baseline, 0.99) * 1000:.1f} ms", flush=True)
    results = {}
    deadline = time.monotonic() + seconds
    slow = []
    threads = [threading.Thread(target=lambda: slow.append(slow_client(seconds * 0.8))) for _ in range(8)]
    threads.append(threading.Thread(target=disconnecting_clients, args=(deadline, results)))
    for thread in threads:
        thread.start()
    latencies = []
    while time.monotonic() < deadline and len(latencies) < 5000:
        try:
            status, body, elapsed = get(PAGE, timeout=5)
        except OSError as error:
            fail(f"faults: normal request failed: {error!r}")
            continue
        if status != 200:
            fail(f"faults: normal request answered {status}")
        latencies.append(elapsed)
        time.sleep(0.02)
    for thread in threads:
        thread.join(timeout=seconds + 20)
    p50, p99 = percentile(latencies, 0.5) * 1000, percentile(latencies, 0.99) * 1000
    print(f"faults: {len(latencies)} normal requests beside 8 slow clients and {results.get('disconnects', 0)} "
          f"hang-ups: p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {max(latencies) * 1000:.1f} ms; slow clients got {sorted(set(slow))}",
          flush=True)
    if p99 > 1000:
        fail(f"faults: p99 latency {p99:.0f} ms while slow clients are connected")


# Each refused request must get exactly this status, fast, and the server must keep serving.
OVERSIZED = [
    ("long URL (16 KB)", b"GET /" + b"a" * 16384 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
    ("long URL (1 MB)", b"GET /" + b"a" * 1048576 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
    ("huge header (1 MB)", b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 1048576 + b"\r\n\r\n", 431),
    ("1000 headers", b"GET / HTTP/1.1\r\nHost: x\r\n" + b"X-A: 1\r\n" * 1000 + b"\r\n", 431),
]

# (name, raw request, expected status); None means the server rightly waits for the rest.
MALFORMED = [
    ("long URL (2 KB)", b"GET /" + b"a" * 2048 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
    ("garbage request line", b"\x00\x01\x02 nonsense\r\n\r\n", 400),
    ("missing version", b"GET /\r\n\r\n", 400),
    ("two spaces in the request line", b"GET  / HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    ("unknown version", b"GET / HTTP/9.9\r\nHost: x\r\n\r\n", 505),
    ("malformed version", b"GET / HTTP/one\r\nHost: x\r\n\r\n", 400),
    ("lower-case method", b"get / HTTP/1.1\r\nHost: x\r\n\r\n", 405),
    ("unknown method", b"BREW / HTTP/1.1\r\nHost: x\r\n\r\n", 405),
    ("header without colon", b"GET / HTTP/1.1\r\nHost x\r\n\r\n", 400),
    ("space before the colon", b"GET / HTTP/1.1\r\nHost : x\r\n\r\n", 400),
    ("folded header line", b"GET / HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n  2\r\n\r\n", 400),
    ("control character in a header", b"GET / HTTP/1.1\r\nHost: x\r\nX-A: a\x00b\r\n\r\n", 400),
    ("no Host in HTTP/1.1", b"GET / HTTP/1.1\r\n\r\n", 400),
    ("two Host headers", b"GET / HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n", 400),
    ("negative content-length", b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n", 400),
    ("absurd content-length", b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n", 400),
    ("content-length and chunked", b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
    ("a body on a POST", b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello", 405),
    ("space in the target", b"GET /a b HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    ("non-ASCII target", "GET /caf\u00e9 HTTP/1.1\r\nHost: x\r\n\r\n".encode(), 400),
    ("percent-encoded NUL", b"GET /%00 HTTP/1.1\r\nHost: x\r\n\r\n", 403),
    ("bad percent escape", b"GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    ("dot-dot escape", b"GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n", 403),
    ("encoded dot-dot", b"GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n", 403),
    ("relative target", b"GET index.html HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    # Well-formed, if unusual: served.
    ("bare LF line ends", b"GET / HTTP/1.1\nHost: x\n\n", 200),
    ("HTTP/1.0 without Host", b"GET / HTTP/1.0\r\n\r\n", 200),
    ("absolute-form URL (host ignored)", b"GET http://evil.example/ HTTP/1.1\r\nHost: x\r\n\r\n", 200),
    ("request cut short", b"GET / HTT", None),
]


def slowloris(seconds, clients=300):
    """Holds more connections than the server's table (256), each trickling a head one byte a second and
    reconnecting when dropped, while normal GETs are timed; each must be answered 200 within 5 s."""
    stop = time.monotonic() + seconds
    counts = {"connects": 0, "dropped": 0}

    def open_slow():
        sock = socket.create_connection((HOST, PORT), timeout=5)
        sock.setblocking(False)
        sock.send(f"GET {PAGE} HTTP/1.1\r\nHost: {HOST}\r\n".encode())
        counts["connects"] += 1
        return sock

    def trickle():
        sockets = []
        try:
            while len(sockets) < clients and time.monotonic() < stop:
                try:
                    sockets.append(open_slow())
                except OSError:
                    counts["dropped"] += 1
            while time.monotonic() < stop and counts["connects"] < 20000:
                for index, sock in enumerate(sockets):
                    try:
                        sock.send(b"X")
                        if sock.recv(1, socket.MSG_PEEK) is not None:
                            raise OSError("answered")
                    except BlockingIOError:
                        continue
                    except OSError:
                        counts["dropped"] += 1
                        sock.close()
                        try:
                            sockets[index] = open_slow()
                        except OSError:
                            pass
                time.sleep(1)
        finally:
            for sock in sockets:
                sock.close()

    attacker = threading.Thread(target=trickle)
    attacker.start()
    time.sleep(min(3, seconds / 4))
    latencies = []
    while time.monotonic() < stop - 0.5 and len(latencies) < 2000:
        try:
            status, _, elapsed = get(PAGE, timeout=10)
        except OSError as error:
            fail(f"slowloris: socket error {error!r}")
            continue
        latencies.append(elapsed)
        if status != 200 or elapsed > 5:
            fail(f"slowloris: {PAGE} answered {status} after {elapsed * 1000:.0f} ms beside {clients} slow clients")
        time.sleep(0.05)
    attacker.join()
    print(f"slowloris: {clients} slow clients ({counts['connects']} connects, {counts['dropped']} dropped by the server): "
          f"{len(latencies)} normal GETs, p50 {percentile(latencies, 0.5) * 1000:.1f} ms, "
          f"p99 {percentile(latencies, 0.99) * 1000:.1f} ms, max {max(latencies, default=float('nan')) * 1000:.1f} ms", flush=True)


def malformed_requests():
    """Each malformed request must get exactly its status; a hang, a drop, a 5xx or a dead server fails."""
    for name, raw, expected in MALFORMED:
        try:
            status, body, elapsed = http(raw, timeout=3 if expected is None else 5)
        except OSError as error:
            status, body, elapsed = f"error {error.__class__.__name__}", b"", 0
        verdict = "ok" if status == expected else "FAIL"
        if verdict == "FAIL":
            fail(f"malformed: {name} got {status} after {elapsed * 1000:.0f} ms, expected {expected}")
        print(f"malformed: {name}: {status} in {elapsed * 1000:.0f} ms [{verdict}]", flush=True)
        if b"root:" in body:
            fail(f"malformed: {name} served a file outside the site")
        status, _, _ = get("/", timeout=5)
        if status != 200:
            fail(f"malformed: server stopped serving after '{name}' ({status})")
            return


def oversized_requests():
    """A huge request line or header must be refused quickly with its status, without stalling others."""
    for name, raw, expected in OVERSIZED:
        try:
            status, _, elapsed = http(raw, timeout=5)
        except OSError as error:
            status, elapsed = f"error {error.__class__.__name__}", 0
        after, _, after_elapsed = get("/", timeout=5)
        verdict = "ok" if status == expected and elapsed < 1 and after == 200 and after_elapsed < 1 else "FAIL"
        print(f"oversized: {name}: {status} in {elapsed * 1000:.0f} ms; next GET / {after} in {after_elapsed * 1000:.0f} ms [{verdict}]", flush=True)
        if verdict == "FAIL":
            fail(f"oversized: {name} answered {status} after {elapsed * 1000:.0f} ms (expected {expected}), then GET / {after}")


def main():
    results = {}
    if PHASE == "integrity":
        integrity_loop(time.monotonic() + SECONDS, results)
        print(f"integrity: {results.get('integrity', 0)} fetches of {PAGE}, each checked to be a whole page", flush=True)
    elif PHASE == "faults":
        latency_during_faults(SECONDS)
    elif PHASE == "slowloris":
        slowloris(SECONDS)
    elif PHASE == "malformed":
        malformed_requests()
    elif PHASE == "oversized":
        oversized_requests()
    else:
        sys.exit(f"unknown phase {PHASE}")
    print(f"{PHASE}: {len(failures)} failure(s)", flush=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
