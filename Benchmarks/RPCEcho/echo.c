/* Minimal length-prefixed echo server: the transport ceiling for Benchmarks/run-rpc.sh.
 * Reads 4-byte big-endian length frames and writes each complete frame back unchanged, or,
 * given reply_bytes, answers each frame with one frame of that many bytes (a ceiling for
 * responses the size of a hazard.grade result). One thread per core (SO_REUSEPORT), epoll,
 * non-blocking sockets. Loopback only.
 *
 *   cc -O2 -pthread -o rpc-echo echo.c && ./rpc-echo [port] [threads] [reply_bytes]
 *   (port 0: prints the port chosen)
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#define MAX_FRAME (1u << 20)

typedef struct { int fd; uint8_t *buf; size_t len, cap; } conn_t;

static int listen_on(int port) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (bind(fd, (struct sockaddr *)&a, sizeof a) || listen(fd, 1024)) { perror("bind/listen"); exit(1); }
    return fd;
}

static int write_all(int fd, const uint8_t *p, size_t n) {
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0) { if (errno == EAGAIN || errno == EINTR) continue; return -1; }
        p += w; n -= (size_t)w;
    }
    return 0;
}

static int port_global;
static uint8_t *reply;      /* a prebuilt reply frame when reply_bytes > 0 */
static size_t reply_len;

/* Writes `count` copies of the reply frame, as many per writev as the kernel takes. */
static int write_replies(int fd, size_t count) {
    struct iovec iov[512];
    while (count) {
        int k = count < 512 ? (int)count : 512;
        for (int i = 0; i < k; i++) { iov[i].iov_base = reply; iov[i].iov_len = reply_len; }
        size_t total = (size_t)k * reply_len, done = 0;
        ssize_t w = writev(fd, iov, k);
        if (w < 0) { if (errno == EAGAIN || errno == EINTR) continue; return -1; }
        done = (size_t)w;
        /* A partial writev: finish the rest of this batch byte-wise. */
        while (done < total) {
            size_t in = done % reply_len;
            if (write_all(fd, reply + in, reply_len - in) < 0) return -1;
            done += reply_len - in;
        }
        count -= (size_t)k;
    }
    return 0;
}

static void *loop(void *arg) {
    int lfd = listen_on(port_global), ep = epoll_create1(0);
    (void)arg;
    struct epoll_event ev = {.events = EPOLLIN, .data.ptr = NULL}, events[256];
    epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &ev);
    for (;;) {
        int n = epoll_wait(ep, events, 256, -1);
        for (int i = 0; i < n; i++) {
            conn_t *c = events[i].data.ptr;
            if (!c) {
                int fd;
                while ((fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
                    int one = 1;
                    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    conn_t *nc = calloc(1, sizeof *nc);
                    nc->fd = fd; nc->cap = 65536; nc->buf = malloc(nc->cap);
                    struct epoll_event cev = {.events = EPOLLIN, .data.ptr = nc};
                    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &cev);
                }
                continue;
            }
            for (;;) {
                if (c->cap - c->len < 65536) { c->cap *= 2; c->buf = realloc(c->buf, c->cap); }
                ssize_t r = read(c->fd, c->buf + c->len, c->cap - c->len);
                if (r == 0 || (r < 0 && errno != EAGAIN && errno != EINTR)) { close(c->fd); free(c->buf); free(c); goto next; }
                if (r < 0) break;
                c->len += (size_t)r;
            }
            size_t off = 0, frames = 0;
            while (c->len - off >= 4) {
                uint32_t n32; memcpy(&n32, c->buf + off, 4); n32 = ntohl(n32);
                if (n32 == 0 || n32 > MAX_FRAME) { close(c->fd); free(c->buf); free(c); goto next; }
                if (c->len - off < 4 + (size_t)n32) break;
                off += 4 + n32;
                frames++;
            }
            if (off && (reply ? write_replies(c->fd, frames) : write_all(c->fd, c->buf, off)) < 0) { close(c->fd); free(c->buf); free(c); goto next; }
            memmove(c->buf, c->buf + off, c->len - off);
            c->len -= off;
        next:;
        }
    }
    return NULL;
}

int main(int argc, char **argv) {
    int port = argc > 1 ? atoi(argv[1]) : 7421, threads = argc > 2 ? atoi(argv[2]) : 2;
    long reply_bytes = argc > 3 ? atol(argv[3]) : 0;
    if (reply_bytes > 0 && reply_bytes <= (long)MAX_FRAME) {
        reply_len = 4 + (size_t)reply_bytes;
        reply = malloc(reply_len);
        uint32_t n32 = htonl((uint32_t)reply_bytes);
        memcpy(reply, &n32, 4);
        memset(reply + 4, ' ', (size_t)reply_bytes);
    }
    if (port == 0) { /* pick a free port, then let every thread bind it with SO_REUSEPORT */
        int probe = socket(AF_INET, SOCK_STREAM, 0);
        struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
        socklen_t l = sizeof a;
        bind(probe, (struct sockaddr *)&a, sizeof a); getsockname(probe, (struct sockaddr *)&a, &l);
        port = ntohs(a.sin_port); close(probe);
    }
    port_global = port;
    printf("rpc-echo: listening on 127.0.0.1:%d\n", port);
    fflush(stdout);
    pthread_t t[64];
    for (int i = 0; i < threads && i < 64; i++) pthread_create(&t[i], NULL, loop, NULL);
    for (int i = 0; i < threads && i < 64; i++) pthread_join(t[i], NULL);
    return 0;
}
