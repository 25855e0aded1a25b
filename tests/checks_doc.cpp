// SPDX-License-Identifier: MPL-2.0
// Writes docs/checks.md: every kind of finding of the check before submission,
// rendered by the core from its table (msoko::checks_markdown).
//   msoko-checks-doc FILE
#include "msoko/finding_kinds.hpp"

#include <fstream>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: msoko-checks-doc FILE\n";
        return 2;
    }
    std::ofstream out(argv[1], std::ios::binary);
    out << msoko::checks_markdown();
    out.close();
    if (!out) {
        std::cerr << "msoko-checks-doc: cannot write " << argv[1] << "\n";
        return 1;
    }
    return 0;
}
