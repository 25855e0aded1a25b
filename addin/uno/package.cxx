// SPDX-License-Identifier: MPL-2.0
#include "package.hxx"

#include "frozen_copy.hxx"
#include "msoko/checksums.hpp"
#include "msoko/form_reader.hpp"
#include "msoko/note.hpp"
#include "msoko/submission.hpp"
#include "msoko/version.hpp"
#include "note_export.hxx"
#include "utf8.hxx"

#include <sstream>

namespace msoko::uno {

namespace fs = std::filesystem;
using css::uno::Reference;

namespace {

std::string u8(const fs::path& p) {
    const auto s = p.u8string();
    return std::string(s.begin(), s.end());
}

// «12,3 КБ»: a file's size as the summary lists it.
std::string size_text(std::uintmax_t bytes) {
    std::ostringstream out;
    if (bytes < 1024)
        out << bytes << " Б";
    else if (bytes < 1024 * 1024)
        out << (bytes + 512) / 1024 << " КБ";
    else {
        const std::uintmax_t tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
        out << tenths / 10 << "," << tenths % 10 << " МБ";
    }
    return out.str();
}

class Steps {
public:
    Steps(const Reference<css::task::XStatusIndicator>& progress, sal_Int32 count) : progress_(progress) {
        if (progress_.is())
            progress_->start(from_utf8("МСОКО: подготовка к отправке…"), count);
    }
    ~Steps() {
        if (progress_.is())
            progress_->end();
    }
    void next(const char* what) {
        if (!progress_.is())
            return;
        progress_->setText(from_utf8(std::string("МСОКО: ") + what));
        progress_->setValue(++step_);
    }

private:
    Reference<css::task::XStatusIndicator> progress_;
    sal_Int32 step_ = 0;
};

}  // namespace

PackageOutcome make_package(const Reference<css::uno::XComponentContext>& context,
                            const Reference<css::sheet::XSpreadsheetDocument>& document, const Catalogue& catalogue,
                            const PackageRequest& request, const Reference<css::task::XStatusIndicator>& progress) {
    PackageOutcome out;
    // 1. The check, as «Проверить форму» runs it; its report goes into the form.
    out.checked = check_form(document, catalogue, request.settings, progress);
    if (not_a_form(out.checked.report)) {
        out.status = PackageOutcome::Status::NotAForm;
        out.message = out.checked.report.findings.front().message;
        return out;
    }
    out.published = publish_report(document, out.checked.report, catalogue);
    out.verdict = package_verdict(out.published.model);
    if (out.verdict.status != PackageVerdict::Status::Ready) {
        out.status = PackageOutcome::Status::Refused;
        out.message = out.verdict.message;
        return out;
    }
    // 2. The folder: never replaced without asking.
    out.folder = request.folder.empty() ? default_package_folder(request.form) : request.folder;
    bool replace = false;
    if (std::error_code ec; fs::exists(fs::symlink_status(out.folder, ec))) {
        replace = request.replace && request.replace(out.folder);
        if (!replace) {
            out.status = PackageOutcome::Status::Kept;
            out.message = "Папка «" + u8(out.folder) + "» уже есть, и она не заменена: пакет не записан.";
            return out;
        }
    }
    const ReportModel& model = out.published.model;
    const PreparedAt at = prepared_now();
    const std::vector<std::string> files = package_files(request.form);
    Steps steps(progress, 4);
    try {
        StagedFolder staged(out.folder);
        // 3. The frozen copy: values instead of МСОКО formulas, the passport stamped.
        steps.next("копия формы без формул…");
        const Stamp stamp{at.text, extension_version(), catalogue.info.id + " " + catalogue.info.version,
                          model.summary};
        out.formulas_replaced =
            write_frozen_copies(context, document, stamp, staged.file(files[0]), staged.file(files[1]))
                .formulas_replaced;
        // 4. The figures, from the form as the check read it.
        steps.next("показатели в CSV и JSON…");
        const SubmissionFigures figures = submission_figures(catalogue, out.checked.workbook, model);
        staged.write(kPackageCsv, submission_csv(figures));
        staged.write(kPackageJson,
                     submission_json(figures, {at.iso, extension_version(), u8(request.form.filename())}));
        // 5. The explanatory note.
        steps.next("пояснительная записка…");
        const FormContents form = read_form(catalogue, out.checked.workbook);
        export_note(
            context,
            explanatory_note_fodt(catalogue, out.checked.workbook, form, model, form_indicators(catalogue, form),
                                  NoteMeta{at.text, extension_version(), u8(request.form.filename())}),
            staged.file(kPackageNoteOdt), staged.file(kPackageNotePdf));
        // 6. The checksums of everything, then the folder into place.
        steps.next("контрольные суммы…");
        const std::vector<std::string> summed(files.begin(), files.end() - 1);
        staged.write(kPackageChecksums, sha256sums(staged.staging(), summed));
        staged.commit(replace);
    } catch (const PackageError& e) {
        throw UserError(std::string("пакет не записан: ") + e.what());
    } catch (const std::runtime_error& e) {
        if (dynamic_cast<const UserError*>(&e))
            throw;
        throw UserError(std::string("пакет не записан: ") + e.what());
    }
    out.status = PackageOutcome::Status::Written;
    out.files = files;
    std::string list;
    for (const auto& f : files) {
        std::error_code ec;
        const auto bytes = fs::file_size(out.folder / fs::u8path(f), ec);
        list += "\n  " + f + (ec ? std::string() : " (" + size_text(bytes) + ")");
    }
    out.message =
        "Пакет для отправки в центр мониторинга записан в папку «" + u8(out.folder) + "»:" + list + "\n\n" +
        model.summary + "." +
        (model.warnings > 0 ? " Каждое предупреждение пояснено (пояснения — в записке и в indicators.json)." : "");
    return out;
}

}  // namespace msoko::uno
