/*
 * A stand-in for Windows' bcryptprimitives.dll, for running the Windows build under
 * Wine 8 (Debian 12), whose Wine has no such DLL. Rust's standard library (1.78 and
 * later) imports ProcessPrng from it for its random numbers (HashMap keys); without it
 * every Rust .exe stops before main with status c0000135.
 *
 * Only the test harness installs it (into the Wine prefix's system32, see
 * tests/cross/run.sh); it is never shipped: Windows 10 and later have the real one.
 * It exports ProcessPrng and nothing else, implemented with RtlGenRandom
 * (advapi32!SystemFunction036), which Wine has.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
