/*
 * values.c - value helpers shared by the scenarios: fill a buffer with a
 * seeded pattern, and compare what DS returns for a key with what it
 * should hold (1 = the same, 0 = different or an error).
 */
#include "ctl.h"

static uint8_t want[DS_BLOB_MAX], back[DS_BLOB_MAX];

void fill(uint8_t *p, uint32_t len, uint8_t seed)
{
    for (uint32_t i = 0; i < len; i++)
        p[i] = (uint8_t)(seed + i * 13);
}

int blob_is(const char *key, uint32_t len, uint8_t seed)
{
    uint32_t got = sizeof(back);
    if (len > sizeof(want))
        return 0;
    fill(want, len, seed);
    memset(back, 0, sizeof(back));
    return ds_retrieve_blob(key, back, &got) == OK && got == len &&
           memcmp(back, want, len) == 0;
}

int str_is(const char *key, const char *want)
{
    char s[DS_STR_MAX];
    return ds_retrieve_str(key, s, sizeof(s)) == OK && strcmp(s, want) == 0;
}

int u32_is(const char *key, uint32_t want)
{
    uint32_t v = ~want;
    return ds_retrieve_u32(key, &v) == OK && v == want;
}

