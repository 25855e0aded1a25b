// SPDX-License-Identifier: MPL-2.0
#include "subforms_merge.hxx"

#include "cell_state.hxx"
#include "collection_sheet.hxx"
#include "documents.hxx"
#include "guard.hxx"
#include "log.hxx"
#include "snapshot.hxx"
#include "utf8.hxx"

#include <com/sun/star/beans/PropertyAttribute.hpp>
#include <com/sun/star/beans/XPropertyContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/document/UndoFailedException.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/document/XUndoAction.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/io/XInputStream.hpp>
#include <com/sun/star/packages/zip/ZipFileAccess.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/table/CellContentType.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/XText.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/weakref.hxx>
#include <osl/file.hxx>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>
#include <system_error>

namespace msoko::uno {

namespace fs = std::filesystem;
using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace {

std::string time_text(const std::tm& t, const char* format) {
    char buf[64];
    return std::strftime(buf, sizeof buf, format, &t) ? std::string(buf) : std::string();
}

// When the file was last changed, in local time («ГГГГ-ММ-ДД ЧЧ:ММ:СС»), or "".
std::string modified_text(const fs::path& file) {
    std::error_code ec;
    const auto written = fs::last_write_time(file, ec);
    if (ec)
        return {};
    // The file clock's time as the system clock's (the same now on both).
    const auto system =
        std::chrono::system_clock::now() +
        std::chrono::duration_cast<std::chrono::system_clock::duration>(written - fs::file_time_type::clock::now());
    const std::time_t t = std::chrono::system_clock::to_time_t(system);
    std::tm local{};
    if (!localtime_r(&t, &local))
        return {};
    return time_text(local, "%Y-%m-%d %H:%M:%S");
}

// Whether an ODF package's manifest says its contents are encrypted (a password).
bool encrypted(const Reference<css::uno::XComponentContext>& context, const OUString& url) {
    try {
        const auto zip = css::packages::zip::ZipFileAccess::createWithURL(context, url);
        Reference<css::container::XNameAccess> entries(zip, UNO_QUERY_THROW);
        const OUString manifest = "META-INF/manifest.xml";
        if (!entries->hasByName(manifest))
            return false;
        Reference<css::io::XInputStream> in(entries->getByName(manifest), UNO_QUERY_THROW);
        std::string bytes;
        css::uno::Sequence<sal_Int8> chunk;
        while (in->readBytes(chunk, 65536) > 0 && bytes.size() < (16u << 20))
            bytes.append(reinterpret_cast<const char*>(chunk.getConstArray()),
                         static_cast<std::size_t>(chunk.getLength()));
        in->closeInput();
        return bytes.find("encryption-data") != std::string::npos;
    } catch (const css::uno::Exception&) {
        return false;  // not a zip package: damaged, or another format
    }
}

Reference<css::beans::XPropertyContainer> user_properties(const Reference<css::sheet::XSpreadsheetDocument>& document) {
    return Reference<css::document::XDocumentPropertiesSupplier>(document, UNO_QUERY_THROW)
        ->getDocumentProperties()
        ->getUserDefinedProperties();
}

Reference<css::document::XUndoManager> undo_manager(const Reference<css::sheet::XSpreadsheetDocument>& document) {
    if (Reference<css::document::XUndoManagerSupplier> s{document, UNO_QUERY}; s.is())
        return s->getUndoManager();
    return {};
}

// The record's JSON as the document keeps it, or nullopt without the property.
std::optional<std::string> record_json(const Reference<css::sheet::XSpreadsheetDocument>& document) {
    Reference<css::beans::XPropertySet> properties(user_properties(document), UNO_QUERY_THROW);
    const OUString name = OUString::createFromAscii(kMergedProperty);
    if (!properties->getPropertySetInfo()->hasPropertyByName(name))
        return std::nullopt;
    OUString json;
    properties->getPropertyValue(name) >>= json;
    return to_utf8(json);
}

void forget_record(const Reference<css::sheet::XSpreadsheetDocument>& document) {
    const Reference<css::beans::XPropertyContainer> container = user_properties(document);
    Reference<css::beans::XPropertySet> properties(container, UNO_QUERY_THROW);
    const OUString name = OUString::createFromAscii(kMergedProperty);
    if (properties->getPropertySetInfo()->hasPropertyByName(name))
        container->removeProperty(name);
}

void keep_record(const Reference<css::sheet::XSpreadsheetDocument>& document, const std::string& json) {
    const Reference<css::beans::XPropertyContainer> container = user_properties(document);
    Reference<css::beans::XPropertySet> properties(container, UNO_QUERY_THROW);
    const OUString name = OUString::createFromAscii(kMergedProperty);
    const Any value(from_utf8(json));
    if (properties->getPropertySetInfo()->hasPropertyByName(name))
        properties->setPropertyValue(name, value);
    else
        container->addProperty(name, css::beans::PropertyAttribute::REMOVABLE, value);
}

struct CellChange {
    OUString sheet;
    sal_Int32 row = 0, col = 0;
    CellState before, after;
};

// The merge's cells and record as one action of the document's undo (Calc keeps only so many actions
// in one step: thousands of cells written one by one would lose the first of them).
class MergeUndo final : public cppu::WeakImplHelper1<css::document::XUndoAction> {
public:
    MergeUndo(const Reference<css::sheet::XSpreadsheetDocument>& document, std::vector<CellChange> changes,
              std::optional<std::string> record_before, std::string record_after)
        : document_(document),
          changes_(std::move(changes)),
          record_before_(std::move(record_before)),
          record_after_(std::move(record_after)) {}
    OUString SAL_CALL getTitle() override { return from_utf8("Сбор форм организаций"); }
    void SAL_CALL undo() override { apply(false); }
    void SAL_CALL redo() override { apply(true); }

private:
    void apply(bool forward) {
        const Reference<css::sheet::XSpreadsheetDocument> document(document_);
        if (!document.is())
            throw css::document::UndoFailedException();
        const Reference<css::document::XUndoManager> undo = undo_manager(document);
        // The cells are put back without actions of their own.
        if (undo.is())
            undo->lock();
        const OnExit unlock([&] {
            if (undo.is())
                undo->unlock();
        });
        std::map<OUString, Reference<css::sheet::XSpreadsheet>> sheets;
        for (const CellChange& c : changes_) {
            auto& sheet = sheets[c.sheet];
            if (!sheet.is())
                sheet.set(document->getSheets()->getByName(c.sheet), UNO_QUERY_THROW);
            put(sheet->getCellByPosition(c.col, c.row), forward ? c.after : c.before);
        }
        if (forward)
            keep_record(document, record_after_);
        else if (record_before_)
            keep_record(document, *record_before_);
        else
            forget_record(document);
    }
    css::uno::WeakReference<css::sheet::XSpreadsheetDocument> document_;
    std::vector<CellChange> changes_;
    std::optional<std::string> record_before_;
    std::string record_after_;
};

// Writes the merge's cells and keeps its record: one undo action of its own (the undo manager is locked
// meanwhile), added to the step the caller has open.
void write_merge(const Reference<css::sheet::XSpreadsheetDocument>& document, const std::vector<MergeCell>& writes,
                 const std::string& record, const Reference<css::task::XStatusIndicator>& progress) {
    const auto sheets = document->getSheets();
    std::map<std::string, Reference<css::sheet::XSpreadsheet>> by_name;
    const std::optional<std::string> record_before = record_json(document);
    const Reference<css::document::XUndoManager> undo = undo_manager(document);
    if (undo.is())
        undo->lock();
    const OnExit unlock([&] {
        if (undo.is())
            undo->unlock();
    });
    if (progress.is())
        progress->start(from_utf8("МСОКО: запись значений форм организаций…"), static_cast<sal_Int32>(writes.size()));
    const OnExit end([&] {
        if (progress.is())
            progress->end();
    });
    std::vector<CellChange> changes;
    changes.reserve(writes.size());
    for (std::size_t i = 0; i < writes.size(); ++i) {
        const MergeCell& w = writes[i];
        auto& sheet = by_name[w.sheet];
        if (!sheet.is())
            sheet.set(sheets->getByName(from_utf8(w.sheet)), UNO_QUERY_THROW);
        const Reference<css::table::XCell> cell = sheet->getCellByPosition(w.col, w.row);
        CellChange change;
        change.sheet = from_utf8(w.sheet);
        change.row = w.row;
        change.col = w.col;
        change.before = state_of(cell);
        change.after = state_to_write(w.in_subform);
        put(cell, change.after);
        changes.push_back(std::move(change));
        if (progress.is() && i % 64 == 0)
            progress->setValue(static_cast<sal_Int32>(i));
    }
    keep_record(document, record);
    if (undo.is()) {
        undo->unlock();
        undo->addUndoAction(new MergeUndo(document, std::move(changes), record_before, record));
        undo->lock();  // the guard unlocks it again
    }
}

}  // namespace

std::string now_text() {
    const std::time_t t = std::time(nullptr);
    std::tm local{};
    localtime_r(&t, &local);
    return time_text(local, "%d.%m.%Y %H:%M");
}

std::vector<fs::path> returned_files(const std::vector<fs::path>& given) {
    std::vector<fs::path> out;
    for (const fs::path& p : given) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            std::vector<fs::path> in;
            for (const auto& entry : fs::directory_iterator(p, ec)) {
                const std::string name = entry.path().filename().u8string();
                std::error_code e2;
                if (name.empty() || name[0] == '.' || name.rfind(".~lock", 0) == 0 || !entry.is_regular_file(e2))
                    continue;
                in.push_back(entry.path());
            }
            std::sort(in.begin(), in.end());
            out.insert(out.end(), in.begin(), in.end());
        } else if (fs::exists(p, ec)) {
            out.push_back(p);
        } else {
            throw UserError("файла или папки «" + p.u8string() + "» нет");
        }
    }
    return out;
}

ReturnedSubform read_returned(const Reference<css::uno::XComponentContext>& context, const fs::path& file) {
    ReturnedSubform r;
    r.file = file.filename().u8string();
    r.modified = modified_text(file);
    const OUString url = file_url(file);
    // Hidden, read-only, and no interaction handler: a password is not asked for, the loading fails.
    const auto args = properties({{"Hidden", Any(true)}, {"ReadOnly", Any(true)}});
    Reference<css::lang::XComponent> doc;
    try {
        doc = Reference<css::frame::XComponentLoader>(css::frame::Desktop::create(context), UNO_QUERY_THROW)
                  ->loadComponentFromURL(url, "_blank", 0, args);
    } catch (const css::uno::RuntimeException&) {
        throw;  // the office itself failed
    } catch (const css::uno::Exception& e) {
        log().info("a returned file could not be opened: {}", to_utf8(e.Message).substr(0, 200));
    }
    const ClosedAtExit closed(doc);
    const Reference<css::sheet::XSpreadsheetDocument> sheets(doc, UNO_QUERY);
    if (!sheets.is()) {
        r.unreadable = encrypted(context, url) ? "файл защищён паролем: попросите организацию прислать его без пароля"
                       : doc.is()              ? "это не таблица"
                                               : "файл повреждён или это не таблица";
        return r;
    }
    try {
        r.workbook = snapshot(sheets, nullptr);
    } catch (const UserError& e) {
        r.unreadable = std::string("файл не прочитан: ") + e.what();
    }
    return r;
}

MergedRecord kept_record(const Reference<css::sheet::XSpreadsheetDocument>& document) {
    const std::optional<std::string> json = record_json(document);
    return json ? parse_merged(*json) : MergedRecord{};
}

MergeRun merge_subforms(const Reference<css::uno::XComponentContext>& context,
                        const Reference<css::sheet::XSpreadsheetDocument>& document, const Catalogue& catalogue,
                        const MergeRequest& request, const Reference<css::task::XStatusIndicator>& progress) {
    MergeRun run;
    const WorkbookSnapshot form = snapshot_shown(document, progress, "МСОКО: чтение формы…");
    const MergedRecord before = kept_record(document);
    std::vector<ReturnedSubform> returned;
    {
        if (progress.is())
            progress->start(from_utf8("МСОКО: чтение форм организаций…"), static_cast<sal_Int32>(request.files.size()));
        const OnExit end([&] {
            if (progress.is())
                progress->end();
        });
        // The open form itself among the files (a folder holding it) is not opened again.
        OUString own;
        if (Reference<css::frame::XStorable> storable{document, UNO_QUERY}; storable.is() && storable->hasLocation())
            own = storable->getLocation();
        for (std::size_t i = 0; i < request.files.size(); ++i) {
            if (progress.is())
                progress->setValue(static_cast<sal_Int32>(i));
            if (!own.isEmpty() && file_url(request.files[i]) == own) {
                ReturnedSubform self;
                self.file = request.files[i].filename().u8string();
                self.unreadable = "это сама форма муниципалитета, в которую собираются формы организаций";
                returned.push_back(std::move(self));
                continue;
            }
            returned.push_back(read_returned(context, request.files[i]));
        }
    }
    try {
        run.plan = plan_merge(catalogue, form, returned, before, request.settings);
    } catch (const std::runtime_error& e) {
        throw UserError(std::string("формы организаций не собраны: ") + e.what());
    }
    std::vector<bool> take;
    if (!run.plan.conflicts.empty() && request.decide) {
        const auto decided = request.decide(run.plan);
        if (!decided) {
            run.cancelled = true;
            run.message = "Сбор форм отменён: форма не изменена.";
            return run;
        }
        take = *decided;
    }
    run.outcome = decide(run.plan, take, request.merged_at.empty() ? now_text() : request.merged_at);
    write_merge(document, run.outcome.writes, merged_json(run.outcome.record), progress);
    run.report = collection_report(catalogue, run.plan, run.outcome);
    run.sheet = write_collection_sheet(document, run.report);
    log().info("subforms merged: {}; {} values written", merge_counts(run.plan), run.outcome.writes.size());
    run.message = merge_message(run.plan, run.outcome, 15) + "\n\nПодробности — на листе «" + to_utf8(run.sheet) + "».";
    return run;
}

}  // namespace msoko::uno
