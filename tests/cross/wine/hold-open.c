/*
 * hold-open FILE SECONDS: opens FILE as Word and WPS hold a document they show (read
 * and write access, others may only read) and keeps it open for SECONDS, so the test
 * harness can check that huibao refuses to replace it and names it. Test only.
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

int wmain(int argc, wchar_t **argv)
{
    if (argc != 3) {
        fwprintf(stderr, L"usage: hold-open FILE SECONDS\n");
        return 2;
    }
    HANDLE file = CreateFileW(argv[1], GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ, NULL,
                              OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        fwprintf(stderr, L"hold-open: cannot open the file (error %lu)\n", GetLastError());
        return 1;
    }
    printf("open\n");
    fflush(stdout);
    Sleep((DWORD)_wtoi(argv[2]) * 1000);
    CloseHandle(file);
    return 0;
}
