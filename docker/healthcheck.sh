#!/bin/bash
# The image's health check: is /health/ready answering 200? bash's /dev/tcp needs no curl, which
# the minimal base images do not carry.
set -u
port="${HTTP_PORT:-9080}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET /health/ready HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
read -r -t 3 status_line <&3 || exit 1
case "${status_line}" in
  "HTTP/1."?" 200 "*) exit 0 ;;
  *) exit 1 ;;
esac
