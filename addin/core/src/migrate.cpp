// SPDX-License-Identifier: MPL-2.0
// A form moved to the current version of its catalogue (msoko/migrate.hpp).
#include "msoko/migrate.hpp"
#include "msoko/procedures.hpp"

#include "msoko/cell.hpp"
#include "msoko/form_layout.hpp"
#include "msoko/form_reader.hpp"
#include "msoko/new_form.hpp"
#include "msoko/text.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>

namespace msoko {

namespace {

// A cell as text without surrounding spaces.
std::string text_of(const Cell& c) {
    return trim(cell_text(c));
}

// A Calc date serial (days since 30.12.1899) as «ГГГГ-ММ-ДД», the form data's spelling; none outside Calc's dates.
std::string iso_date(double serial) {
    if (!std::isfinite(serial) || serial < 1 || serial > 2958465 || serial != std::floor(serial))
        return {};
    const boost::gregorian::date d =
        boost::gregorian::date(1899, 12, 30) + boost::gregorian::days(static_cast<long>(serial));
    return boost::gregorian::to_iso_extended_string(d);
}

// A cell of a date field or item as the form data spells it: a serial as «ГГГГ-ММ-ДД», a text as typed.
std::string date_text(const Cell& c) {
    if (c.kind() == Cell::Kind::Number) {
        const std::string iso = iso_date(c.number());
        return iso.empty() ? format_number(c.number()) : iso;
    }
    return text_of(c);
}

// «5.1.1 Подготовка обучающихся: «Число выпускников 9 классов» (g9_graduates)».
std::string field_words(const Catalogue& c, const Field& f) {
    const Direction* d = c.direction(f.direction);
    return (d ? d->id + " " + d->short_title + ": " : std::string()) + "«" + f.title + "» (" + f.id + ")";
}

// The values one cell of the new form receives: from the old field of the
// same id, or from fields renamed or merged into it.
struct Source {
    std::string field;  // the old field
    Cell value;
    bool sum = false;
};

}  // namespace

bool older_version(const Catalogue& catalogue, const std::string& version) {
    const auto order = compare_versions(version, catalogue.info.version);
    return order && *order < 0;
}

std::string history_file_name(const std::string& id, const std::string& version) {
    const auto safe = [](const std::string& s) {
        return !s.empty() && s.find("..") == std::string::npos && s.front() != '.' &&
               std::all_of(s.begin(), s.end(), [](char ch) {
                   return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                          ch == '.' || ch == '-' || ch == '_';
               });
    };
    return safe(id) && safe(version) ? id + "-" + version + ".json" : std::string();
}

std::string history_catalogue_path(const std::string& catalogue_path, const std::string& id,
                                   const std::string& version) {
    const std::string name = history_file_name(id, version);
    if (name.empty())
        return {};
    const std::size_t slash = catalogue_path.find_last_of('/');
    const std::string dir = slash == std::string::npos ? std::string(".") : catalogue_path.substr(0, slash);
    return dir + "/history/" + name;
}

std::string Migration::summary(std::size_t max_items) const {
    std::string out = "Форма версии " + from_version + " перенесена в форму версии " + to_version +
                      ". Перенесено значений: " + std::to_string(values) +
                      "; организаций реестра: " + std::to_string(data.organisations.size()) +
                      "; значений прошлого года: " + std::to_string(data.previous.size()) + "; документов на листе «" +
                      kIndicatorsSheet + "»: " + std::to_string(data.evidence.size()) + ".";
    const auto list = [&](const std::vector<std::string>& lines, const char* more) {
        for (std::size_t i = 0; i < lines.size() && i < max_items; ++i)
            out += "\n• " + lines[i];
        if (lines.size() > max_items)
            out += "\n… и ещё " + std::to_string(lines.size() - max_items) + more;
    };
    if (to_fill.empty()) {
        out += "\n\nЗаполнять заново ничего не нужно.";
    } else {
        out += "\n\nЗаполните заново (" + std::to_string(to_fill.size()) + "):";
        std::vector<std::string> lines;
        for (const FieldToFill& f : to_fill)
            lines.push_back(f.text);
        list(lines, " (незаполненные обязательные поля покажет «Проверить форму»)");
    }
    if (!dropped.empty()) {
        out += "\n\nНе перенесено (" + std::to_string(dropped.size()) + "):";
        std::vector<std::string> lines;
        for (const DroppedField& f : dropped)
            lines.push_back(f.text);
        list(lines, "");
    }
    for (const std::string& note : notes)
        out += "\n\n" + note;
    return out;
}

std::string migration_source_version(const Catalogue& catalogue, const WorkbookSnapshot& old_form) {
    const FormContents read = read_form(catalogue, old_form);  // the passport is read by its labels
    const std::string id = read.passport_text(kPassportCatalogueId);
    const std::string version = read.passport_text(kPassportCatalogueVersion);
    if (id.empty() || !old_form.sheet(kRegisterSheet))
        throw std::runtime_error(not_a_form_message());
    if (id != catalogue.info.id)
        throw std::runtime_error("форма составлена по другому каталогу показателей («" + id + "»), а установлен «" +
                                 catalogue.info.id + "»: перенести её в его версию нельзя");
    if (version == catalogue.info.version)
        throw std::runtime_error("форма уже версии " + version +
                                 ", текущей версии каталога показателей: переносить её не нужно");
    if (!older_version(catalogue, version))
        throw std::runtime_error("форма версии «" + version + "», а каталог показателей версии " +
                                 catalogue.info.version +
                                 ": перенести в новую версию можно только форму прежней версии");
    return version;
}

Migration migrate_form(const Catalogue& old_catalogue, const Catalogue& catalogue, const WorkbookSnapshot& old_form) {
    if (old_catalogue.info.id != catalogue.info.id)
        throw std::runtime_error("каталоги разных форм («" + old_catalogue.info.id + "» и «" + catalogue.info.id +
                                 "»): перенести форму можно только в новую версию её каталога");
    const std::string version = migration_source_version(catalogue, old_form);
    if (version != old_catalogue.info.version)
        throw std::runtime_error("форма версии «" + version + "», а для переноса прочитан каталог версии " +
                                 old_catalogue.info.version);
    const FormContents old = read_form(old_catalogue, old_form);
    const LastYearForm register_read = read_last_year(old_catalogue, old_form);

    Migration m;
    m.from_version = version;
    m.to_version = catalogue.info.version;
    FormData& data = m.data;
    const FormLayout old_layout = form_layout(old_catalogue, {});
    const FormLayout layout = form_layout(catalogue, {});
    const bool declared = catalogue.changes.from == version;
    if (!catalogue.changes.from.empty() && !declared)
        m.notes.push_back("Изменения каталога описаны от версии " + catalogue.changes.from + ", а форма версии " +
                          version + ": значения перенесены в поля с теми же кодами.");
    const auto change_of = [&](const std::string& old_id) -> const FieldChange* {
        return declared ? catalogue.changes.of(old_id) : nullptr;
    };

    // The passport: every item the user types, as the old form holds it.
    for (const PassportItem& item : layout.passport.items) {
        if (item.role != CellRole::Typed)
            continue;
        const auto it = old.passport.find(item.key);
        if (it == old.passport.end())
            continue;
        const std::string v = item.type == FieldType::Date ? date_text(it->second) : text_of(it->second);
        if (!v.empty())
            data.passport[item.key] = v;
    }

    // The register, with the flags the current catalogue still has for the type.
    std::size_t untyped = 0;
    for (const RegisterEntry& e : register_read.organisations) {
        const OrganisationType* type = catalogue.organisation_type(e.type);
        if (!type || type->municipal) {
            ++untyped;
            continue;
        }
        RegisterEntry kept = e;
        kept.flags.clear();
        for (const std::string& flag : e.flags)
            if (std::any_of(catalogue.flags.begin(), catalogue.flags.end(),
                            [&](const Flag& f) { return f.id == flag && f.concerns(e.type); }))
                kept.flags.push_back(flag);
        data.organisations.push_back(std::move(kept));
    }
    for (const std::string& note : register_read.notes)
        if (note.rfind("не перенесено", 0) == 0)
            m.notes.push_back("Из реестра " + note + ".");
    if (untyped)
        m.notes.push_back(
            "Из реестра не перенесено организаций типов, которых нет в новой версии: " + std::to_string(untyped) + ".");
    for (const OrganisationType* type : catalogue.register_types()) {
        const std::size_t taken =
            static_cast<std::size_t>(std::count_if(data.organisations.begin(), data.organisations.end(),
                                                   [&](const RegisterEntry& e) { return e.type == type->id; }));
        std::size_t rows = old_catalogue.organisation_type(type->id) ? taken : kDefaultRegisterRows;
        if (const auto it = data.passport.find(PassportLayout::count_key(*type)); it != data.passport.end()) {
            char* end = nullptr;
            const double expected = std::strtod(it->second.c_str(), &end);
            if (*end == '\0' && expected >= 0 && expected <= static_cast<double>(kMaxRegisterRows))
                rows = std::max(rows, static_cast<std::size_t>(expected));
        }
        data.rows[type->plural] = std::max(rows, taken);
    }

    // The figures: each old field's cells go to its field in the new version.
    std::set<std::string> in_register;
    for (const RegisterEntry& e : data.organisations)
        in_register.insert(e.code);
    std::map<std::pair<std::string, std::string>, std::vector<Source>> cells;  // (code, new field) → sources
    std::map<std::string, std::size_t> dropped_values;                         // old field → its filled cells
    std::map<std::string, std::size_t> not_concerned;                          // new field → cells of other types
    std::set<std::string> outside_register;
    std::size_t error_values = 0;
    for (const Organisation& org : old.workbook.organisations()) {
        const bool municipal = org.code == kMunicipalityCode;
        const std::string type = municipal ? catalogue.municipal_type().id : org.type;
        for (const Field& f : old_catalogue.fields) {
            const Cell& v = old.workbook.value(org.code, f.id);
            if (v.is_empty())
                continue;
            const FieldChange* change = change_of(f.id);
            std::string target = catalogue.field(f.id) ? f.id : std::string();
            bool sum = false;
            if (change) {
                switch (change->kind) {
                    case FieldChange::Kind::Renamed:
                    case FieldChange::Kind::Merged:
                        target = change->target;
                        sum = change->sum;
                        break;
                    case FieldChange::Kind::Split:
                        target = change->keep;
                        break;
                    case FieldChange::Kind::Removed:
                    case FieldChange::Kind::Redefined:
                    case FieldChange::Kind::Summed:  // never an old field's change (of() skips it)
                        target.clear();
                        break;
                }
            }
            if (target.empty()) {
                ++dropped_values[f.id];
                continue;
            }
            if (!municipal && !in_register.count(org.code)) {
                outside_register.insert(org.code);
                continue;
            }
            const Field& to = *catalogue.field(target);
            if (!to.concerns(type)) {
                ++not_concerned[to.id];
                continue;
            }
            if (v.kind() == Cell::Kind::Error ||
                (v.kind() == Cell::Kind::Text && !v.text().empty() && v.text()[0] == '=')) {
                ++error_values;  // a formula's error, or a text the form data would read as a formula
                continue;
            }
            Cell value = v;
            if (to.type == FieldType::Date && v.kind() == Cell::Kind::Number && !iso_date(v.number()).empty())
                value = Cell::text(iso_date(v.number()));
            cells[{org.code, to.id}].push_back({f.id, std::move(value), sum});
        }
    }
    // Fields of this version that are sums of old fields: every part, added up.
    if (declared)
        for (const FieldChange& c : catalogue.changes.fields) {
            if (c.kind != FieldChange::Kind::Summed)
                continue;
            const Field& to = *catalogue.field(c.target);
            for (const Organisation& org : old.workbook.organisations()) {
                const bool municipal = org.code == kMunicipalityCode;
                if ((!municipal && !in_register.count(org.code)) ||
                    !to.concerns(municipal ? catalogue.municipal_type().id : org.type))
                    continue;
                for (const std::string& part : c.sum_of)
                    if (old_catalogue.field(part))
                        if (const Cell& v = old.workbook.value(org.code, part); v.kind() == Cell::Kind::Number)
                            cells[{org.code, to.id}].push_back({part, v, true});
            }
        }
    std::size_t differing = 0;
    for (auto& [place, sources] : cells) {
        const auto& [code, field] = place;
        Cell value = sources.front().value;
        if (sources.size() > 1) {
            const bool add = std::any_of(sources.begin(), sources.end(), [](const Source& s) { return s.sum; });
            const bool numbers = std::all_of(sources.begin(), sources.end(),
                                             [](const Source& s) { return s.value.kind() == Cell::Kind::Number; });
            if (add && numbers) {
                double total = 0;
                for (const Source& s : sources)
                    total += s.value.number();
                value = Cell::number(total);
            } else {
                // One figure under two ids: the field's own value, else the first.
                for (const Source& s : sources)
                    if (s.field == field)
                        value = s.value;
                differing +=
                    std::any_of(sources.begin(), sources.end(), [&](const Source& s) { return s.value != value; });
            }
        }
        data.values[code][field] = std::move(value);
        ++m.values;
    }
    if (!outside_register.empty())
        m.notes.push_back("Не перенесены значения организаций, которых нет в реестре «" + std::string(kRegisterSheet) +
                          "»: " + join(std::vector<std::string>(outside_register.begin(), outside_register.end())) +
                          ".");
    for (const auto& [field, n] : not_concerned)
        m.notes.push_back("Поле «" + catalogue.field(field)->title + "» (" + field +
                          ") в новой версии не заполняется для части организаций: не перенесено значений: " +
                          std::to_string(n) + ".");
    if (error_values)
        m.notes.push_back("Не перенесены ячейки с ошибкой вычисления: " + std::to_string(error_values) + ".");
    if (differing)
        m.notes.push_back("Слитые поля у " + std::to_string(differing) +
                          " организаций имели разные значения: оставлено значение поля новой версии (или первого "
                          "из слитых); проверьте их.");

    // What the old fields became, for the lists.
    std::set<std::string> old_ids, filled;
    std::map<std::string, std::set<std::string>> types_of;  // current field → the types its old fields concerned
    for (const Field& f : old_catalogue.fields)
        old_ids.insert(f.id);
    std::map<std::string, const FieldChange*> split_into;  // current field → the split that made it
    if (declared)
        for (const FieldChange& c : catalogue.changes.fields) {
            if (c.kind != FieldChange::Kind::Summed && !old_ids.count(c.old_id))
                continue;  // a change of a field the old version did not have: nothing to take
            if (c.kind == FieldChange::Kind::Renamed || c.kind == FieldChange::Kind::Merged)
                filled.insert(c.target);
            if (c.kind == FieldChange::Kind::Summed)
                for (const std::string& part : c.sum_of)
                    if (const Field* f = old_catalogue.field(part)) {
                        filled.insert(c.target);
                        types_of[c.target].insert(f->org_types.begin(), f->org_types.end());
                    }
            if (c.kind == FieldChange::Kind::Split) {
                for (const std::string& part : c.split) {
                    if (part == c.keep)
                        filled.insert(part);
                    else
                        split_into[part] = &c;
                }
            }
        }
    // The organisation types each current field was filled for, through the old fields that fill it.
    for (const Field& f : old_catalogue.fields) {
        const FieldChange* change = change_of(f.id);
        std::string target = catalogue.field(f.id) ? f.id : std::string();
        if (change)
            target = change->kind == FieldChange::Kind::Renamed || change->kind == FieldChange::Kind::Merged
                         ? change->target
                     : change->kind == FieldChange::Kind::Split ? change->keep
                                                                : std::string();
        if (!target.empty())
            types_of[target].insert(f.org_types.begin(), f.org_types.end());
    }
    for (const Field& f : catalogue.fields) {
        const FieldChange* change = change_of(f.id);
        FieldToFill t;
        t.field = f.id;
        if (change && change->kind == FieldChange::Kind::Redefined && old_ids.count(f.id)) {
            t.why = FieldToFill::Why::Redefined;
            t.text = field_words(catalogue, f) + " — определение изменено: " + change->reason;
        } else if (const auto split = split_into.find(f.id); split != split_into.end()) {
            t.why = FieldToFill::Why::Split;
            t.old_field = split->second->old_id;
            const Field* was = old_catalogue.field(t.old_field);
            t.text = field_words(catalogue, f) + " — часть разделённого поля «" + (was ? was->title : t.old_field) +
                     "» (" + t.old_field + ")";
        } else if (!old_ids.count(f.id) && !filled.count(f.id)) {
            t.text = field_words(catalogue, f) + " — новое поле";
        } else if (const auto before = types_of.find(f.id); before != types_of.end()) {
            // Kept, renamed or merged: the cells of types the old fields did not concern are new.
            std::vector<std::string> shorts;
            for (const std::string& type : f.org_types)
                if (!before->second.count(type)) {
                    t.for_types.push_back(type);
                    const OrganisationType* ot = catalogue.organisation_type(type);
                    shorts.push_back(ot ? ot->short_title : type);
                }
            if (t.for_types.empty())
                continue;
            t.why = FieldToFill::Why::Widened;
            t.text = field_words(catalogue, f) + " — теперь заполняется и для " + join(shorts);
        } else {
            continue;
        }
        if (!f.required)
            t.text += " (необязательное)";
        m.to_fill.push_back(std::move(t));
    }
    for (const Field& f : old_catalogue.fields) {
        const FieldChange* change = change_of(f.id);
        const std::size_t n = dropped_values.count(f.id) ? dropped_values.at(f.id) : 0;
        std::string why;
        if (change && change->kind == FieldChange::Kind::Removed)
            why = "поле удалено: " + change->reason;
        else if (change && change->kind == FieldChange::Kind::Redefined)
            why = "определение поля изменено, прежние значения не подходят";
        else if (change && change->kind == FieldChange::Kind::Split && change->keep.empty())
            why = "поле разделено на " + join(change->split) + ", значения распределите заново";
        else if (!change && !catalogue.field(f.id))
            why = "поля нет в версии " + catalogue.info.version;
        else
            continue;
        m.dropped.push_back(
            {f.id, n, field_words(old_catalogue, f) + " — " + why + "; значений: " + std::to_string(n)});
    }

    // «Показатели»: last year's values and the documents typed there, by indicator.
    std::size_t previous_lost = 0;
    if (const SheetSnapshot* s = old_form.sheet(kIndicatorsSheet)) {
        using C = IndicatorsColumns;
        for (std::size_t r = FormLayout::kIndicatorsFirstRow; r < s->rows; ++r) {
            const std::string ind = text_of(s->value(r, C::kId));
            if (ind.empty())
                continue;  // a heading row (the supplementary directions), or past the last indicator
            const IndicatorRow* was = old_layout.indicator_row(ind);
            const IndicatorRow* now = layout.indicator_row(ind);
            if (!was)
                continue;
            const Cell& before = s->value(r, C::kLastYear);
            if (was->role(C::kLastYear) == CellRole::Typed && before.kind() == Cell::Kind::Number) {
                if (const IndicatorChange* change = catalogue.changes.redefined(ind))
                    m.notes.push_back("Значение прошлого года показателя " + ind +
                                      " не перенесено: показатель определен заново — " + change->reason + ".");
                else if (now && now->role(C::kLastYear) == CellRole::Typed)
                    data.previous[ind] = before.number();
                else
                    ++previous_lost;
            }
            if (was->evidence == IndicatorRow::Evidence::Typed && now &&
                now->evidence == IndicatorRow::Evidence::Typed) {
                Evidence e{text_of(s->value(r, C::kDocument)), date_text(s->value(r, C::kDate)),
                           text_of(s->value(r, C::kLink))};
                if (!e.document.empty() || !e.date.empty() || !e.link.empty())
                    data.evidence[ind] = std::move(e);
            }
        }
    }
    // «Процедуры оценки» as typed; an object the new version has no direction for stays as typed (the check names it).
    for (const Procedure& p : read_procedures(old_catalogue, old_form))
        data.procedures.push_back(procedure_entry(p));
    if (previous_lost)
        m.notes.push_back(
            "Не перенесено значений прошлого года показателей, которых нет в новой версии или которые "
            "в ней не сравниваются с прошлым годом: " +
            std::to_string(previous_lost) + ".");
    return m;
}

}  // namespace msoko
