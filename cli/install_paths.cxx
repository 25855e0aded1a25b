// SPDX-License-Identifier: MPL-2.0
#include "install_paths.hxx"

#include "msoko/version.hpp"

#include <system_error>

#ifndef MSOKO_DEFAULT_OXT
#define MSOKO_DEFAULT_OXT ""
#endif
#ifndef MSOKO_DEFAULT_VPR_BOUNDARIES
#define MSOKO_DEFAULT_VPR_BOUNDARIES ""
#endif
#ifndef MSOKO_DEFAULT_CATALOGUE
#define MSOKO_DEFAULT_CATALOGUE ""
#endif

namespace msoko::cli {

namespace fs = std::filesystem;

fs::path executable_dir() {
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : self.parent_path();
}

fs::path installed_or_built(const fs::path& relative, const fs::path& built) {
    const fs::path dir = executable_dir();
    if (!dir.empty()) {
        const fs::path installed = dir.parent_path() / "share" / "msoko" / relative;
        std::error_code ec;
        if (fs::is_regular_file(installed, ec))
            return installed;
    }
    return built;
}

fs::path default_oxt() {
    return installed_or_built("msoko.oxt", MSOKO_DEFAULT_OXT);
}

fs::path default_catalogue_file() {
    const fs::path built = MSOKO_DEFAULT_CATALOGUE;
    return installed_or_built(fs::path("catalogue") / built.filename(), built);
}

fs::path default_vpr_boundaries_file() {
    const fs::path built = MSOKO_DEFAULT_VPR_BOUNDARIES;
    return installed_or_built(fs::path("catalogue") / built.filename(), built);
}

std::string version_text() {
    return std::string("msoko ") + extension_version() + "\n" + "расширение / extension: " + default_oxt().string() +
           "\n" + "каталог / catalogue: " + default_catalogue_file().string() + "\n" +
           "границы отметок ВПР / VPR mark boundaries: " + default_vpr_boundaries_file().string() + "\n";
}

}  // namespace msoko::cli
