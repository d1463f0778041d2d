/* dummy.c — an empty C unit so libtool links libregel with the C linker. */
