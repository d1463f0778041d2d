/* json_locate.h — line and column of a value or key in JSON text, for the
 * messages of the case reader (runtime/case.c). jansson keeps no positions,
 * so on the error path only the text is scanned again. Internal. */
#ifndef REGEL_JSON_LOCATE_H
#define REGEL_JSON_LOCATE_H

#include <stddef.h>

/* The position of the value at `path` in the JSON text json[0..len): a key
 * path as the case reader writes it, e.g. "toetsen[2].datum" ("" is the
 * whole text). Keys are compared after decoding their escapes; a key that
 * itself holds '.' or '[' is found too (every way of reading the path is
 * tried, in the order of the text). Returns 1 and sets *line and *col
 * (1-based; columns count characters, as jansson's do) when found, 0 when
 * the path is not there or the text is not valid JSON where it matters.
 * A UTF-8 byte order mark at the start is skipped and not counted. */
int json_locate(const char *json, size_t len, const char *path, unsigned *line, unsigned *col);

/* As json_locate, but for a path ending in a key: the position of that key
 * (its opening quote) instead of its value. For a path ending in a list
 * index it is the element's position. */
int json_locate_key(const char *json, size_t len, const char *path, unsigned *line, unsigned *col);

/* Line and column (1-based, columns in characters: the bytes that do not
 * continue a UTF-8 sequence) of byte `offset` in json[0..len). A UTF-8 byte
 * order mark at the start is not counted; CR counts as a character, LF ends
 * a line (so CRLF line ends give the same lines and columns as LF). */
void json_position(const char *json, size_t len, size_t offset, unsigned *line, unsigned *col);

#endif
