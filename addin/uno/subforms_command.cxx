// SPDX-License-Identifier: MPL-2.0
// «Данные → МСОКО → Формы для организаций…»: the Dispatcher's command over
// make_subforms() (subforms_make.hxx) — where to write them, the question
// before a folder is replaced, and the summary a user reads.
#include "dispatcher.hxx"

#include "extension.hxx"
#include "guard.hxx"
#include "log.hxx"
#include "snapshot.hxx"
#include "subforms_make.hxx"
#include "utf8.hxx"

#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/system/SystemShellExecute.hpp>
#include <com/sun/star/system/SystemShellExecuteFlags.hpp>
#include <com/sun/star/task/XStatusIndicatorFactory.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/FolderPicker.hpp>
#include <osl/file.hxx>

#include <optional>

namespace msoko::uno {

namespace fs = std::filesystem;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace {

std::string u8(const fs::path& p) {
    const auto s = p.u8string();
    return std::string(s.begin(), s.end());
}

fs::path local_path(const OUString& url_or_path) {
    if (!url_or_path.startsWith("file:"))
        return fs::u8path(to_utf8(url_or_path));
    OUString path;
    if (osl::FileBase::getSystemPathFromFileURL(url_or_path, path) != osl::FileBase::E_None)
        throw UserError("папка «" + to_utf8(url_or_path) +
                        "» не на этом компьютере: формы организаций записываются на диск");
    return fs::u8path(to_utf8(path));
}

OUString url_of(const fs::path& p) {
    OUString url;
    osl::FileBase::getFileURLFromSystemPath(from_utf8(u8(p)), url);
    return url;
}

}  // namespace

std::optional<fs::path> Dispatcher::pick_subforms_folder(const fs::path& form) {
    // A folder picker chooses a folder that exists: the sub-forms' own folder
    // is made inside the one chosen, unless the one chosen is it (made before).
    const fs::path suggested = default_subforms_folder(form);
    std::error_code ec;
    const bool made_before = fs::is_directory(suggested, ec);
    const std::string name = u8(suggested.filename());
    Reference<css::ui::dialogs::XFolderPicker2> picker = css::ui::dialogs::FolderPicker::create(context_);
    picker->setTitle(from_utf8("МСОКО: где создать папку «" + name + "»"));
    picker->setDescription(from_utf8("В выбранной папке будет создана папка «" + name +
                                     "» с файлом формы для каждой организации реестра."));
    picker->setDisplayDirectory(url_of(made_before ? suggested : form.parent_path()));
    if (picker->execute() != css::ui::dialogs::ExecutableDialogResults::OK)
        return std::nullopt;
    const fs::path chosen = local_path(picker->getDirectory());
    if (fs::equivalent(chosen, suggested, ec) || chosen.filename() == suggested.filename())
        return chosen;
    return chosen / suggested.filename();
}

void Dispatcher::make_subforms() {
    Reference<css::frame::XController> controller;
    const auto document = frame_document(&controller);
    const Reference<css::frame::XStorable> storable(document, UNO_QUERY_THROW);
    // The sub-forms go into a folder beside the form, named by it.
    if (!storable->hasLocation())
        throw UserError(
            "форма ещё не сохранена. Сохраните её (Файл → Сохранить как…, формат ODF «.ods»): формы для "
            "организаций записываются в папку рядом с файлом формы и названы по нему.");
    SubformsRequest request;
    request.form = local_path(storable->getLocation());
    // For macros and tests: «Folder» (a path or file URL: the folder itself) and «Replace» (true / false).
    std::optional<bool> replace_argument;
    for (const auto& a : arguments_) {
        OUString text;
        bool flag = false;
        if (a.Name == "Folder" && (a.Value >>= text) && !text.isEmpty())
            request.folder = local_path(text);
        else if (a.Name == "Replace" && (a.Value >>= flag))
            replace_argument = flag;
    }
    const bool scripted = arguments_.hasElements();
    if (!scripted) {
        const auto folder = pick_subforms_folder(request.form);
        if (!folder)
            return;  // the user cancelled
        request.folder = *folder;
    }
    request.replace = [&](const fs::path& folder) {
        if (replace_argument)
            return *replace_argument;
        return ask(from_utf8("МСОКО"),
                   from_utf8("Папка «" + u8(folder) +
                             "» уже есть — вероятно, с формами организаций, сделанными раньше.\n\nЗаменить её "
                             "новыми формами? Файлы, которые в ней есть, будут удалены."),
                   true);
    };
    Reference<css::task::XStatusIndicator> progress;
    if (Reference<css::task::XStatusIndicatorFactory> factory{controller->getFrame(), UNO_QUERY}; factory.is())
        progress = factory->createStatusIndicator();

    const OnExit flush([] { log().flush(); });
    const SubformsOutcome outcome =
        uno::make_subforms(context_, document, installed_catalogue(context_), request, progress);
    const OUString title = from_utf8("МСОКО: формы для организаций");
    if (outcome.status == SubformsOutcome::Status::Kept) {
        log().info("subforms: the folder exists and is kept");
        if (!scripted)
            tell(title, from_utf8(outcome.message), false);
        return;
    }
    if (scripted)
        return;
    if (ask(title, from_utf8(outcome.message + "\n\nОткрыть папку с формами?"), false)) {
        try {
            css::system::SystemShellExecute::create(context_)->execute(url_of(outcome.folder), OUString(),
                                                                       css::system::SystemShellExecuteFlags::URIS_ONLY);
        } catch (const css::uno::Exception& e) {
            log().warn("the sub-forms' folder could not be opened: {}", to_utf8(e.Message));
            tell(title, from_utf8("Папку не удалось открыть; формы записаны в неё: " + u8(outcome.folder)), false);
        }
    }
}

}  // namespace msoko::uno
