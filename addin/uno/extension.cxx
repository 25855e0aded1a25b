// SPDX-License-Identifier: MPL-2.0
#include "extension.hxx"

#include "guard.hxx"

#include <com/sun/star/deployment/PackageInformationProvider.hpp>
#include <osl/file.hxx>

#include "log.hxx"
#include "msoko/migrate.hpp"
#include "options.hxx"
#include "snapshot.hxx"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <stdexcept>

namespace msoko::uno {

namespace {
constexpr const char* kCatalogueFile = "catalogue/msoko-267-1.json";
}  // namespace

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

namespace {

// The catalogue file the extension works with now, and where it was chosen (" from …"; empty: the shipped one).
std::string catalogue_path(const css::uno::Reference<css::uno::XComponentContext>& context, std::string* origin) {
    static std::mutex mutex;
    static std::string builtin;  // the shipped file's path, once found
    if (const char* chosen = std::getenv(kCatalogueVariable); chosen && *chosen) {
        *origin = std::string(" from ") + kCatalogueVariable;
        return chosen;
    }
    if (const Options options = current_options(context);
        options.catalogue_from_file && !options.catalogue_file.empty()) {
        *origin = " from the options";
        return options.catalogue_file;
    }
    origin->clear();
    std::lock_guard lock(mutex);
    if (builtin.empty())
        builtin = installed_file(context, kCatalogueFile);
    return builtin;
}

// The catalogue of a path is loaded once and never replaced: references
// handed out stay valid for the life of the office process.
const Catalogue& loaded_catalogue(const std::string& path, const std::string& origin) {
    static std::mutex mutex;
    static std::map<std::string, Catalogue> loaded;
    std::lock_guard lock(mutex);
    if (const auto it = loaded.find(path); it != loaded.end())
        return it->second;
    const Catalogue& catalogue = loaded.emplace(path, read_catalogue(path)).first->second;
    log().info("catalogue {} version {} loaded{}: {} indicators", catalogue.info.id, catalogue.info.version, origin,
               catalogue.indicators.size());
    return catalogue;
}

}  // namespace

const Catalogue& installed_catalogue(const css::uno::Reference<css::uno::XComponentContext>& context) {
    // Another choice on the options page loads another one next to the first.
    std::string origin;
    const std::string path = catalogue_path(context, &origin);
    try {
        return loaded_catalogue(path, origin);
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

const Catalogue& history_catalogue(const css::uno::Reference<css::uno::XComponentContext>& context,
                                   const std::string& version) {
    const Catalogue& current = installed_catalogue(context);
    std::string origin;
    const std::string path = history_catalogue_path(catalogue_path(context, &origin), current.info.id, version);
    if (path.empty() || !std::ifstream(path))
        throw UserError("в расширении нет каталога показателей «" + current.info.id + "» версии «" + version +
                        "», по которому составлена эта форма (ожидается файл " +
                        (path.empty() ? std::string("history/…") : path) + ")");
    return loaded_catalogue(path, " (an earlier version)");
}

const vpr::BoundaryTable& installed_boundaries(const css::uno::Reference<css::uno::XComponentContext>& context) {
    std::string origin;
    const std::filesystem::path catalogue = catalogue_path(context, &origin);
    std::filesystem::path path = catalogue.parent_path() / kVprBoundariesFile;
    std::error_code ec;
    if (!origin.empty() && !std::filesystem::is_regular_file(path, ec))  // a catalogue of the user's without one
        path = installed_file(context, std::string("catalogue/") + kVprBoundariesFile);
    static std::mutex mutex;
    static std::map<std::string, vpr::BoundaryTable> loaded;
    std::lock_guard lock(mutex);
    if (const auto it = loaded.find(path.string()); it != loaded.end())
        return it->second;
    vpr::BoundaryTable read;
    try {
        read = vpr::read_boundaries(path.string());
    } catch (const std::exception& e) {
        throw UserError(std::string("не прочитан файл границ отметок ВПР: ") + e.what());
    }
    const vpr::BoundaryTable& table = loaded.emplace(path.string(), std::move(read)).first->second;
    log().info("vpr boundaries loaded{}: {} entries", origin, table.entries.size());
    return table;
}

}  // namespace msoko::uno
