/* kapot.c — a test plugin whose regel_plugin_init fails (issue 8): `regel
 * --plugin` must report its Dutch message and stop with status 1. */
#include <stdio.h>
#include <string.h>

#include "regel.h"

REGEL_API int regel_plugin_init(regel_functions *fs, regel_error *err);

REGEL_API int regel_plugin_init(regel_functions *fs, regel_error *err)
{
    (void)fs;
    if (err) {
        memset(err, 0, sizeof *err);
        err->code = REGEL_ERR_USAGE;
        snprintf(err->message, sizeof err->message,
                 "de werkdagenkalender ontbreekt (KALENDER is niet gezet)");
    }
    return REGEL_ERR_USAGE;
}
