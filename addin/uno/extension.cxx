// SPDX-License-Identifier: MPL-2.0
#include "extension.hxx"

#include "guard.hxx"

#include <com/sun/star/deployment/PackageInformationProvider.hpp>
#include <osl/file.hxx>

#include "log.hxx"
#include "options.hxx"
#include "snapshot.hxx"

#include <cstdlib>
#include <map>
#include <mutex>
#include <stdexcept>

namespace msoko::uno {

namespace {
constexpr const char* kCatalogueFile = "catalogue/msoko-267-1.json";
}

std::string installed_file(const css::uno::Reference<css::uno::XComponentContext>& context,
                           const std::string& relative) {
    if (!context.is())
        throw std::runtime_error("no component context to locate the extension");
    auto provider = css::deployment::PackageInformationProvider::get(context);
    const OUString root = provider->getPackageLocation(OUString::createFromAscii(kExtensionId));
    OUString path;
    if (root.isEmpty() ||
        osl::FileBase::getSystemPathFromFileURL(root + "/" + from_utf8(relative), path) != osl::FileBase::E_None)
        throw std::runtime_error("the extension's installation folder was not found");
    return to_utf8(path);
}

const Catalogue& installed_catalogue(const css::uno::Reference<css::uno::XComponentContext>& context) {
    // The catalogue of a path is loaded once and never replaced: references
    // handed out stay valid for the life of the office process. Another
    // choice on the options page loads another one next to it.
    static std::mutex mutex;
    static std::map<std::string, Catalogue> loaded;
    static std::string builtin;  // the shipped file's path, once found
    std::string path, origin;
    if (const char* chosen = std::getenv(kCatalogueVariable); chosen && *chosen) {
        path = chosen;
        origin = std::string(" from ") + kCatalogueVariable;
    } else if (const Options options = current_options(context);
               options.catalogue_from_file && !options.catalogue_file.empty()) {
        path = options.catalogue_file;
        origin = " from the options";
    }
    std::lock_guard lock(mutex);
    if (path.empty()) {
        if (builtin.empty())
            builtin = installed_file(context, kCatalogueFile);
        path = builtin;
    }
    if (const auto it = loaded.find(path); it != loaded.end())
        return it->second;
    try {
        const Catalogue& catalogue = loaded.emplace(path, read_catalogue(path)).first->second;
        log().info("catalogue {} version {} loaded{}: {} indicators", catalogue.info.id, catalogue.info.version, origin,
                   catalogue.indicators.size());
        return catalogue;
    } catch (const std::exception& e) {
        if (origin != " from the options")
            throw;
        // The user's own choice: told so that they can change it.
        throw UserError(
            "каталог показателей, выбранный в параметрах (Сервис → Параметры → LibreOffice Calc → "
            "МСОКО), не прочитан: " +
            path + ": " + e.what());
    }
}

}  // namespace msoko::uno
