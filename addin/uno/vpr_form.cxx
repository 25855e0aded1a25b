// SPDX-License-Identifier: MPL-2.0
// The form filled from ВПР results (vpr_form.hxx).
#include "vpr_form.hxx"

#include "cell_state.hxx"
#include "guard.hxx"
#include "log.hxx"
#include "msoko/form_layout.hpp"
#include "snapshot.hxx"
#include "utf8.hxx"
#include "vpr_read.hxx"

#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/document/UndoFailedException.hpp>
#include <com/sun/star/document/XUndoAction.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/sheet/XSheetAnnotation.hpp>
#include <com/sun/star/sheet/XSheetAnnotationAnchor.hpp>
#include <com/sun/star/sheet/XSheetAnnotations.hpp>
#include <com/sun/star/sheet/XSheetAnnotationsSupplier.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/table/CellAddress.hpp>
#include <com/sun/star/text/XSimpleText.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/weakref.hxx>

#include <map>

namespace msoko::uno {

using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace {

Reference<css::document::XUndoManager> undo_manager(const Reference<css::sheet::XSpreadsheetDocument>& document) {
    if (Reference<css::document::XUndoManagerSupplier> s{document, UNO_QUERY}; s.is())
        return s->getUndoManager();
    return {};
}

OUString note_of(const Reference<css::table::XCell>& cell) {
    const auto note = Reference<css::sheet::XSheetAnnotationAnchor>(cell, UNO_QUERY_THROW)->getAnnotation();
    return Reference<css::text::XSimpleText>(note, UNO_QUERY_THROW)->getString();
}

// The cell's note set to `text`; an empty text removes the note.
void set_note(const Reference<css::sheet::XSpreadsheet>& sheet, sal_Int32 col, sal_Int32 row, sal_Int16 index,
              const OUString& text) {
    const auto notes = Reference<css::sheet::XSheetAnnotationsSupplier>(sheet, UNO_QUERY_THROW)->getAnnotations();
    const css::table::CellAddress at(index, col, row);
    if (!text.isEmpty()) {
        notes->insertNew(at, text);
        return;
    }
    Reference<css::container::XIndexAccess> all(notes, UNO_QUERY_THROW);
    for (sal_Int32 i = all->getCount() - 1; i >= 0; --i) {
        Reference<css::sheet::XSheetAnnotation> note(all->getByIndex(i), UNO_QUERY_THROW);
        const css::table::CellAddress p = note->getPosition();
        if (p.Column == col && p.Row == row) {
            notes->removeByIndex(i);
            return;
        }
    }
}

sal_Int16 sheet_index(const Reference<css::sheet::XSpreadsheetDocument>& document, const OUString& name) {
    const auto names = document->getSheets()->getElementNames();
    for (sal_Int32 i = 0; i < names.getLength(); ++i)
        if (names[i] == name)
            return static_cast<sal_Int16>(i);
    return 0;
}

struct FilledCell {
    OUString sheet;
    sal_Int32 row = 0, col = 0;
    CellState before, after;
    OUString note_before, note_after;
};

void apply(const Reference<css::sheet::XSpreadsheetDocument>& document, const std::vector<FilledCell>& cells,
           bool forward) {
    std::map<OUString, std::pair<Reference<css::sheet::XSpreadsheet>, sal_Int16>> sheets;
    for (const FilledCell& c : cells) {
        auto& [sheet, index] = sheets[c.sheet];
        if (!sheet.is()) {
            sheet.set(document->getSheets()->getByName(c.sheet), UNO_QUERY_THROW);
            index = sheet_index(document, c.sheet);
        }
        put(sheet->getCellByPosition(c.col, c.row), forward ? c.after : c.before);
        set_note(sheet, c.col, c.row, index, forward ? c.note_after : c.note_before);
    }
}

// The fill's cells and notes as one action of the document's undo.
class FillUndo final : public cppu::WeakImplHelper1<css::document::XUndoAction> {
public:
    FillUndo(const Reference<css::sheet::XSpreadsheetDocument>& document, std::vector<FilledCell> cells)
        : document_(document), cells_(std::move(cells)) {}
    OUString SAL_CALL getTitle() override { return from_utf8("Заполнение формы из результатов ВПР"); }
    void SAL_CALL undo() override { run(false); }
    void SAL_CALL redo() override { run(true); }

private:
    void run(bool forward) {
        const Reference<css::sheet::XSpreadsheetDocument> document(document_);
        if (!document.is())
            throw css::document::UndoFailedException();
        const Reference<css::document::XUndoManager> undo = undo_manager(document);
        if (undo.is())
            undo->lock();  // the cells are put back without actions of their own
        const OnExit unlock([&] {
            if (undo.is())
                undo->unlock();
        });
        apply(document, cells_, forward);
    }
    css::uno::WeakReference<css::sheet::XSpreadsheetDocument> document_;
    std::vector<FilledCell> cells_;
};

std::string shown(const Cell& v) {
    return v.kind() == Cell::Kind::Text ? "«" + v.text() + "»" : v.is_empty() ? "пусто" : cell_text(v);
}

}  // namespace

void write_vpr_fill(const Reference<css::sheet::XSpreadsheetDocument>& document, const std::vector<MergeCell>& writes,
                    const std::string& comment) {
    const OUString mark = from_utf8(comment);
    std::vector<FilledCell> cells;
    cells.reserve(writes.size());
    std::map<std::string, Reference<css::sheet::XSpreadsheet>> sheets;
    for (const MergeCell& w : writes) {
        auto& sheet = sheets[w.sheet];
        if (!sheet.is())
            sheet.set(document->getSheets()->getByName(from_utf8(w.sheet)), UNO_QUERY_THROW);
        const Reference<css::table::XCell> cell = sheet->getCellByPosition(w.col, w.row);
        FilledCell c;
        c.sheet = from_utf8(w.sheet);
        c.row = w.row;
        c.col = w.col;
        c.before = state_of(cell);
        c.after = state_to_write(w.in_subform);
        // A note the user wrote stays, the source added under it.
        c.note_before = note_of(cell);
        c.note_after = c.note_before.isEmpty()            ? mark
                       : c.note_before.indexOf(mark) >= 0 ? c.note_before
                                                          : c.note_before + "\n" + mark;
        cells.push_back(std::move(c));
    }
    const Reference<css::document::XUndoManager> undo = undo_manager(document);
    if (undo.is())
        undo->lock();
    {
        const OnExit unlock([&] {
            if (undo.is())
                undo->unlock();
        });
        apply(document, cells, true);
    }
    if (undo.is())
        undo->addUndoAction(new FillUndo(document, std::move(cells)));
}

std::string vpr_conflict_line(const Catalogue& catalogue, const vpr::FillPlan& plan, const MergeCell& c) {
    std::string name;
    for (const auto& m : plan.matches)
        if (m.organisation == c.organisation)
            name = m.organisation_name;
    const Field* f = catalogue.field(c.field);
    return c.organisation + " " + name + ", " + cell_address(c.row, c.col) + ": в форме " + shown(c.in_form) +
           ", по результатам " + shown(c.in_subform) + " — " + (f ? f->title : c.field) + " (" + c.sheet + ")";
}

VprFillRun fill_from_vpr(const Reference<css::frame::XComponentLoader>& loader,
                         const Reference<css::sheet::XSpreadsheetDocument>& document, const Catalogue& catalogue,
                         const VprSettings& settings, const vpr::BoundaryTable& boundaries,
                         const VprFillRequest& request, const Reference<css::task::XStatusIndicator>& progress) {
    VprFillRun run;
    const WorkbookSnapshot form = snapshot_shown(document, progress, "МСОКО: чтение формы…");
    std::vector<vpr::ResultsFile> files;
    {
        if (progress.is())
            progress->start(from_utf8("МСОКО: чтение результатов ВПР…"), static_cast<sal_Int32>(request.files.size()));
        const OnExit end([&] {
            if (progress.is())
                progress->end();
        });
        for (std::size_t i = 0; i < request.files.size(); ++i) {
            if (progress.is())
                progress->setValue(static_cast<sal_Int32>(i));
            const std::string name = request.files[i].filename().u8string();
            try {
                files.push_back(read_results_file(loader, request.files[i], name, boundaries));
            } catch (const UserError& e) {
                run.failed.emplace_back(name, e.what());
            }
        }
    }
    if (files.empty()) {
        std::string why;
        for (const auto& [file, reason] : run.failed)
            why += "\n" + reason;
        throw UserError("ни один файл результатов ВПР не прочитан; форма не изменена." + why);
    }
    const vpr::Analysis analysis = vpr::analyse(files, {}, settings);
    try {
        run.plan = vpr::plan_fill(catalogue, form, analysis, request.logins);
    } catch (const std::runtime_error& e) {
        throw UserError(std::string("форма не заполнена: ") + e.what());
    }
    std::vector<bool> take(run.plan.conflicts.size(), false);
    if (request.decide) {
        const auto decided = request.decide(run.plan);
        if (!decided) {
            run.cancelled = true;
            run.message = "Заполнение отменено: форма не изменена.";
            return run;
        }
        take = *decided;
    }
    run.written = vpr::decided_writes(run.plan, take);
    write_vpr_fill(document, run.written, run.plan.comment);
    std::size_t kept = 0;
    for (std::size_t i = 0; i < run.plan.conflicts.size(); ++i)
        kept += i >= take.size() || !take[i];
    log().info("vpr fill: {} files read, {} failed, {} cells written, {} conflicts kept", files.size(),
               run.failed.size(), run.written.size(), kept);
    run.message = vpr::fill_summary(run.plan, 15) + "\n\nЗаписано ячеек: " + std::to_string(run.written.size());
    if (!run.written.empty())
        run.message += " (в примечании каждой — «" + run.plan.comment + "»)";
    if (kept)
        run.message += "; оставлено значений формы: " + std::to_string(kept);
    run.message += ".";
    if (!run.failed.empty()) {
        run.message += "\n\nНе прочитаны (" + std::to_string(run.failed.size()) + "):";
        for (const auto& [file, reason] : run.failed)
            run.message += "\n" + reason;
    }
    return run;
}

}  // namespace msoko::uno
