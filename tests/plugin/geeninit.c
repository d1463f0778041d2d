/* geeninit.c — a test plugin without regel_plugin_init (issue 8): `regel
 * --plugin` must say that the function is missing. */
#include "regel.h"

REGEL_API int regel_plugin_versie(void);

REGEL_API int regel_plugin_versie(void)
{
    return 1;
}
