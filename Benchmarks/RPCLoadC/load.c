/* Load generator for the hazard RPC server and the C ceilings (loopback only, bounded in time).
 *
 *   rpc-load --port P --connections 64 --depth 16 --seconds 10 --request body.json
 *            [--warmup 1] [--threads 1] [--reply-bytes N] [--label name]
 *
 * Why C: the generator shares the machine's two cores with the server it measures. The
 * SwiftNIO generator (Benchmarks/RPCLoad) spent more CPU per response than the C echo server,
 * so the ceiling it measured was its own; this one costs a read, a frame scan and a few
 * compares per response. Its cost is the same against every server, so ratios stay fair.
 *
 * `--request` is a JSON object without an "id": each request is `{"id":N,` + the rest of it,
 * N counting up per connection. Each connection keeps `depth` requests in flight (1 = no
 * pipelining) and sends a new one for each answer until `warmup + seconds` have passed, then
 * waits up to 5 s for the stragglers; a request still unanswered then is lost.
 *
 * An answer is an error unless it carries the id its request had (answers come in request
 * order) and a "result" (a JSON-RPC success) or, for an echo, the request's own bytes back.
 * With `--reply-bytes N` (the C server answering each frame with N bytes) only the length
 * is checked. Latency is counted for requests sent after the warm-up and answered inside the
 * window, in 0.1 µs buckets. Prints one line for people and one `JSON {...}` line for scripts.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_DEPTH 256
#define HEAD_BYTES 96            /* how much of each answer is kept for its checks */
#define BUCKETS 1000000          /* 0.1 µs each: up to 100 ms; slower answers land in the last */
#define READ_CHUNK (256 * 1024)

typedef struct {
    int fd;
    uint64_t next_id;            /* id of the next request to send */
    uint64_t expect_id;          /* id the next answer must carry */
    uint64_t sent_at[MAX_DEPTH]; /* ring of send times, indexed by id % depth */
    int in_flight;
    int open;
    int watching_out;            /* registered for EPOLLOUT */
    /* frame reader */
    uint8_t header[4];
    int header_have;
    uint32_t body_left, body_len;
    uint8_t head[HEAD_BYTES];
    uint32_t head_have;
    /* pending output */
    uint8_t *out;
    size_t out_len, out_cap;
} conn_t;

typedef struct {
    conn_t *conns;
    int count;
    uint64_t sent, received, errors, measured;
    uint32_t *hist;
} worker_t;

static const char *host = "127.0.0.1";
static int port = 7420, connections = 16, depth = 1, threads = 1;
static double seconds = 5, warmup = 1;
static const char *request_path = NULL, *label = "hazard.grade";
static long reply_bytes = 0;
static uint8_t *body;            /* the request after its opening brace */
static size_t body_len;
static uint64_t measure_from, stop_at, give_up_at;

static uint64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static void die(const char *what) { perror(what); exit(2); }

static void reserve(conn_t *c, size_t more) {
    if (c->out_len + more <= c->out_cap) return;
    size_t cap = c->out_cap ? c->out_cap : 4096;
    while (cap < c->out_len + more) cap *= 2;
    if (!(c->out = realloc(c->out, cap))) die("realloc");
    c->out_cap = cap;
}

/* Appends one framed request `{"id":N,` + body to the connection's output. */
static void queue_request(conn_t *c, uint64_t at) {
    char id[40];
    int n = snprintf(id, sizeof id, "{\"id\":%llu,", (unsigned long long)c->next_id);
    uint32_t len = (uint32_t)(n + body_len);
    reserve(c, 4 + len);
    uint8_t *p = c->out + c->out_len;
    p[0] = len >> 24; p[1] = len >> 16; p[2] = len >> 8; p[3] = len;
    memcpy(p + 4, id, (size_t)n);
    memcpy(p + 4 + n, body, body_len);
    c->out_len += 4 + len;
    c->sent_at[c->next_id % (uint64_t)depth] = at;
    c->next_id++;
    c->in_flight++;
}

/* Writes what the kernel takes; the rest waits for EPOLLOUT. */
static int flush_out(conn_t *c) {
    size_t done = 0;
    while (done < c->out_len) {
        ssize_t w = send(c->fd, c->out + done, c->out_len - done, MSG_NOSIGNAL);
        if (w < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN) break;
            return -1;
        }
        done += (size_t)w;
    }
    memmove(c->out, c->out + done, c->out_len - done);
    c->out_len -= done;
    return 0;
}

/* Finds `"id":` in the answer's head and reads its digits; -1 when absent. */
static int64_t head_id(const uint8_t *h, uint32_t n) {
    for (uint32_t i = 0; i + 5 <= n; i++) {
        if (memcmp(h + i, "\"id\":", 5) != 0) continue;
        int64_t v = 0;
        uint32_t j = i + 5, digits = 0;
        while (j < n && h[j] >= '0' && h[j] <= '9') { v = v * 10 + (h[j] - '0'); j++; digits++; }
        return digits ? v : -1;
    }
    return -1;
}

static int head_has(const uint8_t *h, uint32_t n, const char *needle) {
    size_t k = strlen(needle);
    for (uint32_t i = 0; i + k <= n; i++)
        if (memcmp(h + i, needle, k) == 0) return 1;
    return 0;
}

static int answer_ok(conn_t *c, uint64_t id) {
    if (reply_bytes > 0) return c->body_len == (uint32_t)reply_bytes;
    if (head_id(c->head, c->head_have) != (int64_t)id) return 0;
    if (head_has(c->head, c->head_have, "\"result\":")) return 1;
    /* an echo answers with the request itself */
    char first[40];
    int n = snprintf(first, sizeof first, "{\"id\":%llu,", (unsigned long long)id);
    return c->body_len == (uint32_t)(n + body_len) && c->head_have >= (uint32_t)n && memcmp(c->head, first, (size_t)n) == 0;
}

static void frame_done(worker_t *w, conn_t *c, uint64_t at) {
    uint64_t id = c->expect_id++;
    uint64_t sent = c->sent_at[id % (uint64_t)depth];
    c->in_flight--;
    w->received++;
    if (!answer_ok(c, id)) w->errors++;
    if (sent >= measure_from && at <= stop_at) {
        uint64_t bucket = (at - sent) / 100;
        w->hist[bucket < BUCKETS ? bucket : BUCKETS - 1]++;
        w->measured++;
    }
    if (at < stop_at) { queue_request(c, at); w->sent++; }
}

/* Walks the bytes just read through the frame reader; answers complete frames. */
static int consume(worker_t *w, conn_t *c, const uint8_t *p, size_t n, uint64_t at) {
    while (n) {
        if (c->header_have < 4) {
            c->header[c->header_have++] = *p++; n--;
            if (c->header_have == 4) {
                c->body_len = c->body_left = (uint32_t)c->header[0] << 24 | (uint32_t)c->header[1] << 16 |
                                             (uint32_t)c->header[2] << 8 | c->header[3];
                c->head_have = 0;
                if (c->body_len == 0) return -1;
            }
            continue;
        }
        size_t take = n < c->body_left ? n : c->body_left;
        if (c->head_have < HEAD_BYTES) {
            size_t keep = HEAD_BYTES - c->head_have < take ? HEAD_BYTES - c->head_have : take;
            memcpy(c->head + c->head_have, p, keep);
            c->head_have += (uint32_t)keep;
        }
        p += take; n -= take; c->body_left -= (uint32_t)take;
        if (c->body_left == 0) {
            c->header_have = 0;
            frame_done(w, c, at);
        }
    }
    return 0;
}

static void close_conn(conn_t *c) {
    if (!c->open) return;
    close(c->fd);
    c->open = 0;
}

static void *run_worker(void *arg) {
    worker_t *w = arg;
    int ep = epoll_create1(0);
    if (ep < 0) die("epoll_create1");
    uint8_t *chunk = malloc(READ_CHUNK);
    if (!chunk) die("malloc");
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    inet_pton(AF_INET, host, &addr.sin_addr);
    uint64_t start = now_ns();
    for (int i = 0; i < w->count; i++) {
        conn_t *c = &w->conns[i];
        c->fd = socket(AF_INET, SOCK_STREAM, 0);
        if (c->fd < 0) die("socket");
        int one = 1;
        setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (connect(c->fd, (struct sockaddr *)&addr, sizeof addr)) die("connect");
        if (fcntl(c->fd, F_SETFL, fcntl(c->fd, F_GETFL) | O_NONBLOCK)) die("fcntl");
        c->open = 1;
        struct epoll_event ev = {.events = EPOLLIN, .data.ptr = c};
        if (epoll_ctl(ep, EPOLL_CTL_ADD, c->fd, &ev)) die("epoll_ctl");
        for (int k = 0; k < depth; k++) { queue_request(c, start); w->sent++; }
        if (flush_out(c)) die("send");
    }
    struct epoll_event events[256];
    int open_count = w->count;
    while (open_count > 0) {
        uint64_t t = now_ns();
        if (t >= give_up_at) break;
        int timeout = (int)((give_up_at - t) / 1000000) + 1;
        int ready = epoll_wait(ep, events, 256, timeout < 100 ? timeout : 100);
        if (ready < 0) { if (errno == EINTR) continue; die("epoll_wait"); }
        for (int e = 0; e < ready; e++) {
            conn_t *c = events[e].data.ptr;
            if (!c->open) continue;
            int broken = 0;
            if (events[e].events & (EPOLLIN | EPOLLERR | EPOLLHUP)) {
                for (;;) {
                    ssize_t r = recv(c->fd, chunk, READ_CHUNK, 0);
                    if (r > 0) {
                        if (consume(w, c, chunk, (size_t)r, now_ns())) { w->errors++; broken = 1; break; }
                        if ((size_t)r < READ_CHUNK) break;
                        continue;
                    }
                    if (r < 0 && (errno == EAGAIN || errno == EINTR)) break;
                    broken = 1; /* closed by the server, or an error */
                    break;
                }
            }
            if (!broken && c->out_len && flush_out(c)) broken = 1;
            if (!broken && (c->out_len != 0) != c->watching_out) {
                c->watching_out = c->out_len != 0;
                struct epoll_event ev = {.events = EPOLLIN | (c->watching_out ? EPOLLOUT : 0), .data.ptr = c};
                epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev);
            }
            if (broken || (c->in_flight == 0 && now_ns() >= stop_at)) {
                if (broken && c->in_flight) w->errors++;
                close_conn(c);
                open_count--;
            }
        }
        /* after the window, a connection with nothing in flight is done */
        if (now_ns() >= stop_at)
            for (int i = 0; i < w->count; i++)
                if (w->conns[i].open && w->conns[i].in_flight == 0) { close_conn(&w->conns[i]); open_count--; }
    }
    for (int i = 0; i < w->count; i++) close_conn(&w->conns[i]);
    free(chunk);
    close(ep);
    return NULL;
}

static double percentile(const uint32_t *hist, uint64_t total, double p) {
    if (!total) return 0.0 / 0.0;
    uint64_t rank = (uint64_t)(p / 100 * (double)total + 0.999999999), seen = 0;
    if (rank < 1) rank = 1;
    for (uint64_t b = 0; b < BUCKETS; b++) {
        seen += hist[b];
        if (seen >= rank) return (double)(b + 1) / 10; /* bucket's upper edge, µs */
    }
    return (double)BUCKETS / 10;
}

static int parse_args(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        const char *f = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!v) { fprintf(stderr, "rpc-load: %s needs a value\n", f); return -1; }
        i++;
        if (!strcmp(f, "--host")) host = v;
        else if (!strcmp(f, "--port")) port = atoi(v);
        else if (!strcmp(f, "--connections")) connections = atoi(v);
        else if (!strcmp(f, "--depth")) depth = atoi(v);
        else if (!strcmp(f, "--seconds")) seconds = atof(v);
        else if (!strcmp(f, "--warmup")) warmup = atof(v);
        else if (!strcmp(f, "--threads")) threads = atoi(v);
        else if (!strcmp(f, "--request")) request_path = v;
        else if (!strcmp(f, "--reply-bytes")) reply_bytes = atol(v);
        else if (!strcmp(f, "--label")) label = v;
        else { fprintf(stderr, "rpc-load: unknown option %s\n", f); return -1; }
    }
    if (strcmp(host, "127.0.0.1")) { fprintf(stderr, "rpc-load: loopback (127.0.0.1) only\n"); return -1; }
    if (!request_path || connections < 1 || depth < 1 || depth > MAX_DEPTH || threads < 1 || seconds <= 0) {
        fprintf(stderr, "usage: rpc-load --port P --connections C --depth D(1-%d) --seconds S --request FILE "
                        "[--warmup W] [--threads T] [--reply-bytes N] [--label L]\n", MAX_DEPTH);
        return -1;
    }
    return 0;
}

/* The request file minus its opening brace (and the whitespace after it). */
static int load_body(void) {
    FILE *f = fopen(request_path, "rb");
    if (!f) { perror(request_path); return -1; }
    static uint8_t buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    size_t i = 0;
    while (i < n && (buf[i] == ' ' || buf[i] == '\n' || buf[i] == '\t' || buf[i] == '\r')) i++;
    if (i >= n || buf[i] != '{') { fprintf(stderr, "rpc-load: %s is not a JSON object\n", request_path); return -1; }
    i++;
    while (n > i && (buf[n - 1] == '\n' || buf[n - 1] == ' ' || buf[n - 1] == '\r')) n--;
    body = buf + i;
    body_len = n - i;
    return 0;
}

int main(int argc, char **argv) {
    if (parse_args(argc, argv) || load_body()) return 2;
    if (threads > connections) threads = connections;
    uint64_t start = now_ns();
    measure_from = start + (uint64_t)(warmup * 1e9);
    stop_at = measure_from + (uint64_t)(seconds * 1e9);
    give_up_at = stop_at + 5000000000ull;

    worker_t *workers = calloc((size_t)threads, sizeof *workers);
    conn_t *conns = calloc((size_t)connections, sizeof *conns);
    pthread_t *tids = calloc((size_t)threads, sizeof *tids);
    if (!workers || !conns || !tids) die("calloc");
    for (int t = 0, first = 0; t < threads; t++) {
        int count = connections / threads + (t < connections % threads);
        workers[t].conns = conns + first;
        workers[t].count = count;
        if (!(workers[t].hist = calloc(BUCKETS, sizeof(uint32_t)))) die("calloc");
        first += count;
    }
    for (int t = 0; t < threads; t++)
        if (pthread_create(&tids[t], NULL, run_worker, &workers[t])) die("pthread_create");
    uint64_t sent = 0, received = 0, errors = 0, measured = 0;
    for (int t = 0; t < threads; t++) {
        pthread_join(tids[t], NULL);
        sent += workers[t].sent; received += workers[t].received;
        errors += workers[t].errors; measured += workers[t].measured;
        if (t) for (int b = 0; b < BUCKETS; b++) workers[0].hist[b] += workers[t].hist[b];
    }
    const uint32_t *hist = workers[0].hist;
    double rate = (double)measured / seconds;
    double p50 = percentile(hist, measured, 50), p99 = percentile(hist, measured, 99), p999 = percentile(hist, measured, 99.9);
    unsigned long long lost = (unsigned long long)(sent - received);
    printf("%-22s conns %3d depth %2d: %9.0f req/s  p50 %7.1f µs  p99 %8.1f µs  p99.9 %8.1f µs  errors %llu  lost %llu\n",
           label, connections, depth, rate, p50, p99, p999, (unsigned long long)errors, lost);
    printf("JSON {\"label\":\"%s\",\"connections\":%d,\"depth\":%d,\"seconds\":%g,\"requests_per_second\":%.0f,"
           "\"p50_us\":%.1f,\"p99_us\":%.1f,\"p999_us\":%.1f,\"errors\":%llu,\"lost\":%llu,\"measured\":%llu}\n",
           label, connections, depth, seconds, rate, p50, p99, p999, (unsigned long long)errors, lost, (unsigned long long)measured);
    return 0;
}
