/* herhaal.c — runs a command several times and prints the median wall-clock
 * time of one run (make bench, item 5: start-up of `regel` on a .rbc with
 * one case; item 4: regel --jsonl). Output goes to /dev/null, standard input
 * comes from --invoer BESTAND (else /dev/null); a failing run stops it. */
#include "bench.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    const char *input = "/dev/null";
    if (argc >= 3 && strcmp(argv[1], "--invoer") == 0) {
        input = argv[2];
        argc -= 2;
        argv += 2;
    }
    if (argc < 3) {
        fprintf(stderr, "gebruik: herhaal [--invoer BESTAND] HERHALINGEN OPDRACHT [ARGUMENT…]\n"
                        "  voert OPDRACHT HERHALINGEN keer uit (uitvoer weg, invoer uit\n"
                        "  BESTAND) en drukt ns_per_run=… (de mediaan van één keer) en\n"
                        "  ns_min=… (de snelste keer) af.\n");
        return 2;
    }
    int runs = atoi(argv[1]);
    if (runs < 1) {
        fprintf(stderr, "herhaal: ongeldig aantal herhalingen '%s'\n", argv[1]);
        return 2;
    }
    double *samples = malloc((size_t)runs * sizeof *samples);
    if (!samples)
        return 1;
    for (int r = 0; r < runs; r++) {
        uint64_t t0 = bench_now_ns();
        pid_t pid = fork();
        if (pid < 0) {
            perror("herhaal: fork");
            free(samples);
            return 1;
        }
        if (pid == 0) {
            int null = open("/dev/null", O_WRONLY);
            int in = open(input, O_RDONLY);
            if (null < 0 || in < 0)
                _exit(126);
            dup2(in, STDIN_FILENO);
            dup2(null, STDOUT_FILENO);
            dup2(null, STDERR_FILENO);
            execvp(argv[2], argv + 2);
            _exit(127);
        }
        int st;
        if (waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
            fprintf(stderr, "herhaal: %s mislukte (status %d)\n", argv[2],
                    WIFEXITED(st) ? WEXITSTATUS(st) : -1);
            free(samples);
            return 1;
        }
        samples[r] = (double)(bench_now_ns() - t0);
    }
    /* The median sorts the samples: the fastest run is then the first. */
    double median = bench_median(samples, (size_t)runs);
    printf("ns_per_run=%.0f\nns_min=%.0f\n", median, samples[0]);
    free(samples);
    return 0;
}
