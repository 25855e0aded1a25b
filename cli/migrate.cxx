// SPDX-License-Identifier: MPL-2.0
// msoko migrate OLD.ods NEW.ods: a form of an earlier catalogue version moved
// to the current one, as the command «Перенести в новую версию формы» moves
// it — the old form read in the private office (and never changed), the old
// catalogue from the folder «history» beside the catalogue.
#include "msoko/migrate.hpp"
#include "commands.hxx"
#include "form_view.hxx"
#include "msoko/catalogue.hpp"
#include "msoko/form.hpp"
#include "msoko/version.hpp"
#include "snapshot.hxx"

#include <com/sun/star/sheet/XCalculatable.hpp>

#include <boost/json.hpp>

#include <fstream>
#include <iostream>

namespace msoko::cli {

namespace {

const char* why_name(FieldToFill::Why w) {
    switch (w) {
        case FieldToFill::Why::New:
            return "new";
        case FieldToFill::Why::Split:
            return "split";
        case FieldToFill::Why::Redefined:
            return "redefined";
        case FieldToFill::Why::Widened:
            return "widened";
    }
    return "?";
}

void print(const Common& common, const Migration& m, const fs::path& out) {
    if (common.format == Format::Text) {
        std::cout << m.summary() << "\n";
        return;
    }
    if (common.format == Format::Tsv) {
        for (const FieldToFill& f : m.to_fill)
            std::cout << "fill\t" << f.field << "\t" << why_name(f.why) << "\t" << tsv_field(f.text) << "\n";
        for (const DroppedField& f : m.dropped)
            std::cout << "dropped\t" << f.field << "\t" << f.values << "\t" << tsv_field(f.text) << "\n";
        for (const std::string& note : m.notes)
            std::cout << "note\t\t\t" << tsv_field(note) << "\n";
        return;
    }
    boost::json::array fill, dropped, notes;
    for (const FieldToFill& f : m.to_fill)
        fill.push_back({{"field", f.field}, {"why", why_name(f.why)}, {"old_field", f.old_field}, {"text", f.text}});
    for (const DroppedField& f : m.dropped)
        dropped.push_back({{"field", f.field}, {"values", f.values}, {"text", f.text}});
    for (const std::string& note : m.notes)
        notes.emplace_back(note);
    std::cout << boost::json::serialize(boost::json::object{{"format", "msoko-migrate/1"},
                                                            {"from", m.from_version},
                                                            {"to", m.to_version},
                                                            {"form", out.filename().string()},
                                                            {"values", m.values},
                                                            {"organisations", m.data.organisations.size()},
                                                            {"previous", m.data.previous.size()},
                                                            {"evidence", m.data.evidence.size()},
                                                            {"to_fill", std::move(fill)},
                                                            {"dropped", std::move(dropped)},
                                                            {"notes", std::move(notes)}})
              << "\n";
}

}  // namespace

int migrate(const Common& common, const fs::path& old_form, const fs::path& out) {
    const std::string ext = out.extension().string();
    if (ext != ".ods" && ext != ".fods")
        throw UsageError("migrate СТАРАЯ.ods НОВАЯ.ods|НОВАЯ.fods: неизвестный формат / unknown format: " + ext);
    if (std::error_code ec; fs::exists(out, ec) && fs::equivalent(out, old_form, ec))
        throw UsageError(
            "migrate: новая форма пишется в другой файл, старая не изменяется / the new form goes to "
            "another file, the old one is never changed");
    const Catalogue catalogue = read_catalogue(common.catalogue.string());
    starting(common);
    office::Office office(office_options(common));
    WorkbookSnapshot old;
    {
        auto doc = office.open(old_form, office::Office::Access::ReadOnly);
        try {
            old = uno::snapshot(doc, {});
        } catch (...) {
            office::Office::close(doc);
            throw;
        }
        office::Office::close(doc);
    }
    std::string version;
    try {
        version = migration_source_version(catalogue, old);
    } catch (const std::runtime_error& e) {
        throw office::OfficeError(std::string("форма не переносится / the form cannot be moved: ") + e.what());
    }
    const std::string history = history_catalogue_path(common.catalogue.string(), catalogue.info.id, version);
    if (history.empty() || !std::ifstream(history))
        throw office::OfficeError("нет каталога показателей «" + catalogue.info.id + "» версии «" + version +
                                  "», по которому составлена форма / no catalogue of the form's version: " +
                                  (history.empty() ? std::string("history/…") : history));
    const Catalogue old_catalogue = read_catalogue(history);
    const Migration m = migrate_form(old_catalogue, catalogue, old);
    const std::string fods = form_fods(catalogue, m.data, std::string("МСОКО для Calc ") + extension_version());
    if (ext == ".fods") {
        std::ofstream o(out, std::ios::binary);
        o << fods;
        o.close();
        if (!o)
            throw office::OfficeError("не удалось записать / cannot write: " + out.string());
        std::cerr << "Записано / written: " << out.string() << "\n";
    } else {
        // The .ods as Calc saves it (recalculated, the panes frozen), from the flat form written beside it.
        const fs::path flat = office.profile().parent_path() / "migrated.fods";
        {
            std::ofstream o(flat, std::ios::binary);
            o << fods;
            if (!o)
                throw office::OfficeError("не удалось записать временный файл / cannot write " + flat.string());
        }
        auto doc = office.open(flat, office::Office::Access::ReadOnly, /*with_view=*/true);
        try {
            css::uno::Reference<css::sheet::XCalculatable>(doc, css::uno::UNO_QUERY_THROW)->calculateAll();
            uno::freeze_panes(doc, catalogue);
            store(doc, out, "calc8");
        } catch (...) {
            office::Office::close(doc);
            throw;
        }
        office::Office::close(doc);
    }
    print(common, m, out);
    if (common.keep_profile)
        std::cerr << "Профиль сохранён / profile kept: " << office.profile().string() << "\n";
    return kDone;
}

}  // namespace msoko::cli
