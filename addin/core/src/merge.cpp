// SPDX-License-Identifier: MPL-2.0
// The merge of the returned sub-forms into the municipal form (msoko/merge.hpp).
#include "msoko/merge.hpp"

#include "form_tables.hpp"
#include "msoko/cell.hpp"
#include "msoko/form_layout.hpp"
#include "msoko/form_reader.hpp"
#include "msoko/subform.hpp"
#include "msoko/table.hpp"
#include "msoko/text.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <unordered_map>

namespace msoko {

namespace {

// --- the record's JSON --------------------------------------------------------

boost::json::value cell_json(const Cell& c) {
    if (c.kind() == Cell::Kind::Number)
        return boost::json::value(c.number());
    return boost::json::value(c.text());
}

std::optional<Cell> json_cell(const boost::json::value& v) {
    if (v.is_string())
        return Cell::text(std::string(v.as_string()));
    if (v.is_double())
        return Cell::number(v.as_double());
    if (v.is_int64())
        return Cell::number(static_cast<double>(v.as_int64()));
    if (v.is_uint64())
        return Cell::number(static_cast<double>(v.as_uint64()));
    return std::nullopt;
}

boost::json::object cells_json(const std::map<std::string, Cell>& cells) {
    boost::json::object o;
    for (const auto& [field, value] : cells)
        if (value.kind() == Cell::Kind::Number || value.kind() == Cell::Kind::Text)
            o[field] = cell_json(value);
    return o;
}

std::map<std::string, Cell> json_cells(const boost::json::object& o, const char* key) {
    std::map<std::string, Cell> out;
    const auto* m = o.if_contains(key);
    if (!m || !m->is_object())
        return out;
    for (const auto& [field, value] : m->as_object())
        if (auto c = json_cell(value))
            out.emplace(std::string(field), std::move(*c));
    return out;
}

constexpr const char* kRecordFormat = "msoko-merged/1";

// One value of a sub-form, where the form has its cell.
struct Value {
    std::string field, sheet;
    std::size_t form_row = 0, form_col = 0;
    Cell in_form, in_subform;
};

// A file that is an organisation's sub-form of this form, read.
struct Candidate {
    std::size_t index = 0;  // in the files given
    SubformOrigin origin;
    std::string why;  // refused: why
    std::vector<Value> values;
    std::size_t no_cell = 0;  // values the municipal form has no cell for
};

// «02.12.2026 10:15» as «2026-12-02 10:15», which sorts; as it is otherwise.
std::string sortable_time(const std::string& made_at) {
    const std::string t = trim(made_at);
    if (t.size() >= 10 && t[2] == '.' && t[5] == '.')
        return t.substr(6, 4) + "-" + t.substr(3, 2) + "-" + t.substr(0, 2) + t.substr(10);
    return t;
}

std::string quoted(const std::string& s) {
    return "«" + s + "»";
}

bool same_values(const Candidate& a, const Candidate& b) {
    if (a.values.size() != b.values.size())
        return false;
    for (std::size_t i = 0; i < a.values.size(); ++i)
        if (a.values[i].field != b.values[i].field || a.values[i].in_subform != b.values[i].in_subform)
            return false;
    return true;
}

}  // namespace

// --- the record ---------------------------------------------------------------------

const MergedOrganisation* MergedRecord::of(const std::string& code) const {
    for (const auto& o : organisations)
        if (o.organisation == code)
            return &o;
    return nullptr;
}

MergedOrganisation& MergedRecord::entry(const std::string& code) {
    for (auto& o : organisations)
        if (o.organisation == code)
            return o;
    organisations.push_back({});
    organisations.back().organisation = code;
    return organisations.back();
}

std::string merged_json(const MergedRecord& record) {
    boost::json::array orgs;
    for (const auto& o : record.organisations) {
        boost::json::object e;
        e["organisation"] = o.organisation;
        e["file"] = o.file;
        e["made_at"] = o.made_at;
        e["merged_at"] = o.merged_at;
        e["values"] = cells_json(o.values);
        if (!o.declined.empty())
            e["declined"] = cells_json(o.declined);
        orgs.push_back(std::move(e));
    }
    boost::json::object out;
    out["format"] = kRecordFormat;
    out["organisations"] = std::move(orgs);
    return boost::json::serialize(out);
}

MergedRecord parse_merged(const std::string& json) {
    MergedRecord out;
    boost::system::error_code ec;
    const boost::json::value v = boost::json::parse(json, ec);
    if (ec || !v.is_object())
        return out;
    const auto& root = v.as_object();
    const auto* format = root.if_contains("format");
    const auto* orgs = root.if_contains("organisations");
    if (!format || !format->is_string() || format->as_string() != kRecordFormat || !orgs || !orgs->is_array())
        return out;
    for (const auto& item : orgs->as_array()) {
        const auto* o = item.if_object();
        if (!o)
            continue;
        const auto text = [&](const char* key) {
            const auto* m = o->if_contains(key);
            return m && m->is_string() ? std::string(m->as_string()) : std::string();
        };
        const std::string code = text("organisation");
        if (code.empty() || out.of(code))
            continue;
        MergedOrganisation& e = out.entry(code);
        e.file = text("file");
        e.made_at = text("made_at");
        e.merged_at = text("merged_at");
        e.values = json_cells(*o, "values");
        e.declined = json_cells(*o, "declined");
    }
    return out;
}

std::size_t MergePlan::count(OrganisationMerge::Status status) const {
    return static_cast<std::size_t>(std::count_if(organisations.begin(), organisations.end(),
                                                  [&](const OrganisationMerge& o) { return o.status == status; }));
}

// --- the plan ------------------------------------------------------------------------

MergePlan plan_merge(const Catalogue& catalogue, const WorkbookSnapshot& municipal,
                     const std::vector<ReturnedSubform>& returned, const MergedRecord& before,
                     const CheckSettings& settings) {
    const FormContents form = read_form(catalogue, municipal);
    const std::string catalogue_id = form.passport_text(kPassportCatalogueId);
    const SheetSnapshot* register_sheet = municipal.sheet(kRegisterSheet);
    if (trim(catalogue_id).empty() || !register_sheet)
        throw std::runtime_error(not_a_form_message());
    if (read_subform_origin(municipal))
        throw std::runtime_error(
            "это форма организации, а не форма муниципалитета: формы организаций собираются в форму "
            "муниципалитета, из которой они сделаны");
    if (trim(catalogue_id) != catalogue.info.id)
        throw std::runtime_error("форма составлена по другому каталогу показателей («" + trim(catalogue_id) +
                                 "»), а установлен «" + catalogue.info.id + "»");
    const std::string version = trim(form.passport_text(kPassportCatalogueVersion));
    if (version != catalogue.info.version)
        throw std::runtime_error("форма версии «" + version + "», а каталог показателей версии " +
                                 catalogue.info.version +
                                 ": перенесите форму в текущую версию («Перенести в новую версию формы») и сделайте "
                                 "формы организаций заново");
    const std::string municipality = trim(form.passport_text("municipality"));
    const std::string period = trim(form.passport_text(kPassportPeriod));
    const std::string id = form_id(catalogue.info.id, form.passport_text("region"), municipality, period);

    const FormLayout layout = form_layout(catalogue, {});
    const std::vector<RegisterRow> reg = register_rows(catalogue, layout, *register_sheet);
    std::vector<TableIndex> form_tables;
    for (const auto& ds : layout.directions)
        form_tables.push_back(index_table(ds, municipal.sheet(ds.sheet)));

    MergePlan plan;
    plan.record = before;
    // Each file: another file, or a candidate of a register organisation.
    std::map<std::string, std::vector<Candidate>> candidates;
    for (std::size_t i = 0; i < returned.size(); ++i) {
        const ReturnedSubform& file = returned[i];
        const auto other = [&](const std::string& why) { plan.other_files.emplace_back(file.file, why); };
        if (!file.workbook) {
            other(file.unreadable.empty() ? "файл не удалось прочитать" : file.unreadable);
            continue;
        }
        const WorkbookSnapshot& wb = *file.workbook;
        const FormContents sub = read_form(catalogue, wb);
        const std::string sub_catalogue = trim(sub.passport_text(kPassportCatalogueId));
        const std::optional<SubformOrigin> origin = read_subform_origin(wb);
        if (sub_catalogue.empty() || !wb.sheet(kRegisterSheet)) {
            other("не форма МСОКО: нет листа «" + std::string(kPassportSheet) + "» с кодом каталога показателей");
            continue;
        }
        if (!origin) {
            other(
                "форма сбора данных, но не форма организации (в паспорте нет блока формы организации): её значения "
                "не собираются");
            continue;
        }
        if (sub_catalogue != catalogue.info.id) {
            other("форма организации другого каталога показателей («" + sub_catalogue + "»)");
            continue;
        }
        if (origin->form_id != id) {
            const std::string where = trim(sub.passport_text("municipality"));
            const std::string when = trim(sub.passport_text(kPassportPeriod));
            other("форма организации из другой формы муниципалитета (" +
                  (where.empty() && when.empty() ? std::string("другой муниципалитет или период")
                                                 : join({where, when}, ", ")) +
                  "; идентификатор " + origin->form_id + ", а у этой формы " + id + ")");
            continue;
        }
        const auto org =
            std::find_if(reg.begin(), reg.end(), [&](const RegisterRow& r) { return r.code == origin->organisation; });
        if (org == reg.end()) {
            other("организации с кодом " + origin->organisation + " (" + origin->organisation_name +
                  ") нет в реестре формы (лист «" + kRegisterSheet + "»)");
            continue;
        }
        Candidate cand;
        cand.index = i;
        cand.origin = *origin;
        const std::string sub_version = trim(sub.passport_text(kPassportCatalogueVersion));
        if (sub_version != catalogue.info.version) {
            cand.why = "форма организации версии «" + sub_version + "», а форма муниципалитета версии " +
                       catalogue.info.version + ": отправьте организации новую форму";
            candidates[org->code].push_back(std::move(cand));
            continue;
        }
        // Its values, where the form has their cells; what the structure lacks refuses the file.
        std::vector<std::string> missing;
        for (std::size_t d = 0; d < layout.directions.size(); ++d) {
            const DirectionSheet& ds = layout.directions[d];
            const auto columns = typed_columns(ds, org->type);
            if (columns.empty())
                continue;
            const TableIndex t = index_table(ds, wb.sheet(ds.sheet));
            if (!t.sheet) {
                missing.push_back("нет листа «" + ds.sheet + "»");
                continue;
            }
            const auto row = t.row.find(org->code);
            if (row == t.row.end()) {
                missing.push_back("на листе «" + ds.sheet + "» нет строки организации");
                continue;
            }
            const TableIndex& ft = form_tables[d];
            const auto form_row = ft.row.find(org->code);
            for (const FormColumn* fc : columns) {
                const auto col = t.col.find(fc->code);
                if (col == t.col.end()) {
                    missing.push_back("на листе «" + ds.sheet + "» нет столбца " + fc->code);
                    continue;
                }
                const auto form_col = ft.col.find(fc->code);
                if (!ft.sheet || form_row == ft.row.end() || form_col == ft.col.end()) {
                    // The municipal form lacks the cell (its own check says why): counted, told.
                    const Cell& sent = t.sheet->value(row->second, col->second);
                    if (!sent.is_empty())
                        ++cand.no_cell;
                    continue;
                }
                Value v;
                v.field = fc->code;
                v.sheet = ds.sheet;
                v.form_row = form_row->second;
                v.form_col = form_col->second;
                v.in_form = ft.sheet->value(v.form_row, v.form_col);
                v.in_subform = t.sheet->value(row->second, col->second);
                cand.values.push_back(std::move(v));
            }
        }
        if (!missing.empty())
            cand.why = "изменена структура формы организации: " + missing.front() +
                       (missing.size() > 1 ? " и ещё " + std::to_string(missing.size() - 1) : std::string());
        candidates[org->code].push_back(std::move(cand));
    }

    // One line per organisation of the register; the values of the file it is taken from.
    std::vector<OrganisationMerge> not_returned, refused, taken;
    for (const RegisterRow& r : reg) {
        OrganisationMerge line;
        line.code = r.code;
        line.name = r.name;
        line.type = r.type;
        const auto found = candidates.find(r.code);
        if (found == candidates.end()) {
            not_returned.push_back(std::move(line));
            continue;
        }
        std::vector<Candidate>& files = found->second;
        std::vector<Candidate*> good;
        for (auto& c : files)
            if (c.why.empty())
                good.push_back(&c);
        const auto name_of = [&](const Candidate& c) { return returned[c.index].file; };
        if (good.empty()) {
            // Refused: the last file's reason; the others are other files.
            const Candidate& last = files.back();
            line.status = OrganisationMerge::Status::Refused;
            line.file = name_of(last);
            line.why = last.why;
            for (std::size_t k = 0; k + 1 < files.size(); ++k)
                plan.other_files.emplace_back(name_of(files[k]), files[k].why);
            refused.push_back(std::move(line));
            continue;
        }
        for (const auto& c : files)
            if (!c.why.empty())
                plan.other_files.emplace_back(name_of(c), c.why);
        // Of several, the sub-form made last, then the file changed last.
        const auto key = [&](const Candidate* c) {
            return std::make_pair(sortable_time(c->origin.made_at), returned[c->index].modified);
        };
        std::stable_sort(good.begin(), good.end(),
                         [&](const Candidate* a, const Candidate* b) { return key(a) > key(b); });
        Candidate* chosen = good.front();
        bool undecided = false;
        for (std::size_t k = 1; k < good.size(); ++k) {
            if (key(good[k]) != key(chosen)) {
                plan.other_files.emplace_back(name_of(*good[k]), "более ранняя форма организации " + r.code +
                                                                     ": принят более новый файл " +
                                                                     quoted(name_of(*chosen)));
            } else if (same_values(*good[k], *chosen)) {
                plan.other_files.emplace_back(
                    name_of(*good[k]),
                    "повтор формы организации " + r.code + ": те же значения, что в файле " + quoted(name_of(*chosen)));
            } else {
                undecided = true;
            }
        }
        if (undecided) {
            std::vector<std::string> names;
            for (const Candidate* c : good)
                if (key(c) == key(chosen))
                    names.push_back(quoted(name_of(*c)));
            line.status = OrganisationMerge::Status::Refused;
            line.file = join(names, ", ");
            line.why = "несколько файлов этой организации с разными значениями, и не видно, какой из них новее: " +
                       join(names, ", ") + ". Оставьте один и соберите формы снова";
            refused.push_back(std::move(line));
            continue;
        }
        line.status = OrganisationMerge::Status::Returned;
        line.file = name_of(*chosen);
        line.no_cell = chosen->no_cell;
        const ValidationReport check = validate(catalogue, *returned[chosen->index].workbook, settings);
        line.check_summary = check.summary();
        line.errors = check.count(Severity::Error);
        line.warnings = check.count(Severity::Warning);

        const MergedOrganisation* last = before.of(r.code);
        MergedOrganisation& entry = plan.record.entry(r.code);
        entry.file = line.file;
        entry.made_at = chosen->origin.made_at;
        for (const Value& v : chosen->values) {
            const Cell& s = v.in_subform;
            if (s.kind() != Cell::Kind::Number && s.kind() != Cell::Kind::Text)
                continue;  // an empty sub-form cell never erases a value (nor does an error value)
            if (s.kind() == Cell::Kind::Text && trim(s.text()).empty())
                continue;
            MergeCell cell{r.code,    v.field, v.sheet, static_cast<int>(v.form_row), static_cast<int>(v.form_col),
                           v.in_form, s};
            const Cell* written = nullptr;
            const Cell* declined = nullptr;
            if (last) {
                if (auto it = last->values.find(v.field); it != last->values.end())
                    written = &it->second;
                if (auto it = last->declined.find(v.field); it != last->declined.end())
                    declined = &it->second;
            }
            if (v.in_form == s) {
                ++line.unchanged;
                entry.values[v.field] = s;
                entry.declined.erase(v.field);
            } else if (v.in_form.is_empty() || (written && v.in_form == *written)) {
                ++line.taken;
                entry.values[v.field] = s;
                entry.declined.erase(v.field);
                plan.writes.push_back(std::move(cell));
            } else if ((written && s == *written) || (declined && s == *declined)) {
                ++line.kept;  // typed in the form since this value was merged, or declined before
            } else {
                ++line.conflicts;
                plan.conflicts.push_back(std::move(cell));
            }
        }
        taken.push_back(std::move(line));
    }
    for (auto* part : {&not_returned, &refused, &taken})
        for (auto& line : *part)
            plan.organisations.push_back(std::move(line));
    return plan;
}

MergeOutcome decide(const MergePlan& plan, const std::vector<bool>& take, const std::string& merged_at) {
    MergeOutcome out;
    out.writes = plan.writes;
    out.record = plan.record;
    out.merged_at = merged_at;
    out.taken.assign(plan.conflicts.size(), false);
    for (std::size_t i = 0; i < plan.conflicts.size(); ++i) {
        const MergeCell& c = plan.conflicts[i];
        MergedOrganisation& entry = out.record.entry(c.organisation);
        if (i < take.size() && take[i]) {
            out.taken[i] = true;
            out.writes.push_back(c);
            entry.values[c.field] = c.in_subform;
            entry.declined.erase(c.field);
        } else {
            entry.declined[c.field] = c.in_subform;
        }
    }
    // The organisations merged now carry the time of this merge.
    for (const OrganisationMerge& o : plan.organisations)
        if (o.status == OrganisationMerge::Status::Returned)
            out.record.entry(o.code).merged_at = merged_at;
    return out;
}

}  // namespace msoko
