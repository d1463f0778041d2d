/* extra.c — a second test plugin (issue 8): `--plugin` may be repeated, and
 * the functions of all plugins land in one table (tests/plugin/twee.regel). */
#include <stdint.h>

#include "regel.h"

static int64_t verdubbel(int64_t x)
{
    return 2 * x;
}

REGEL_API int regel_plugin_init(regel_functions *fs, regel_error *err);

REGEL_API int regel_plugin_init(regel_functions *fs, regel_error *err)
{
    const regel_ctype params[] = {REGEL_C_INT64};
    return regel_functions_add(fs, "verdubbel", (void (*)(void))verdubbel, REGEL_C_INT64, params, 1,
                               err);
}
