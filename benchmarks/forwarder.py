"""The least a relay written in Python can do, for endpoint_overhead's floor: a TCP forwarder on loopback that copies
bytes between each client and the target as they come, one thread per connection, no parsing at all.

    python -m benchmarks.forwarder LISTEN_PORT TARGET_PORT    # prints "ready" once it listens
"""

from __future__ import annotations

import select
import socket
import sys
import threading

HOST = "127.0.0.1"
_CHUNK = 262144


def forward(client: socket.socket, target_port: int) -> None:
    """Copy bytes both ways until either side closes."""
    with client, socket.create_connection((HOST, target_port)) as target:
        for sock in (client, target):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        other = {client.fileno(): target, target.fileno(): client}
        sockets = {client.fileno(): client, target.fileno(): target}
        poll = select.poll()
        for fd in sockets:
            poll.register(fd, select.POLLIN)
        while True:
            for fd, _ in poll.poll():
                data = sockets[fd].recv(_CHUNK)
                if not data:
                    return
                other[fd].sendall(data)


def main() -> None:
    listen_port, target_port = int(sys.argv[1]), int(sys.argv[2])
    with socket.create_server((HOST, listen_port)) as server:
        print("ready", flush=True)
        while True:
            client, _ = server.accept()
            threading.Thread(target=forward, args=(client, target_port), daemon=True).start()


if __name__ == "__main__":
    main()
