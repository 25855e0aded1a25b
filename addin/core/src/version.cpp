// SPDX-License-Identifier: MPL-2.0
#include "msoko/version.hpp"

namespace msoko {

const char* extension_version() {
    return MSOKO_VERSION;
}

std::string version_text(const CatalogueInfo* catalogue) {
    std::string text = std::string("МСОКО для Calc ") + extension_version();
    if (!catalogue)
        return text + "; каталог показателей не загружен";
    return text + "; каталог " + catalogue->id + " версии " + catalogue->version + " «" + catalogue->title + "»";
}

}  // namespace msoko
