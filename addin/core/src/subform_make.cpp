// SPDX-License-Identifier: MPL-2.0
// Making the sub-forms of a municipal form: one form per organisation of its
// register, holding what the municipal form has for it.
#include "msoko/cell.hpp"
#include "msoko/form_reader.hpp"
#include "msoko/new_form.hpp"
#include "msoko/subform.hpp"
#include "msoko/table.hpp"
#include "msoko/text.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <cmath>
#include <set>
#include <stdexcept>

namespace msoko {

namespace {

// A Calc date serial as «ГГГГ-ММ-ДД», the form data's spelling of a date; none outside Calc's dates.
std::string iso_date(double serial) {
    if (!std::isfinite(serial) || serial < 1 || serial > 2958465 || serial != std::floor(serial))
        return {};
    const boost::gregorian::date d =
        boost::gregorian::date(1899, 12, 30) + boost::gregorian::days(static_cast<long>(serial));
    return boost::gregorian::to_iso_extended_string(d);
}

// The keys of the passport items a sub-form copies from the municipal form (protected there).
constexpr const char* kCopiedItems[] = {"municipality", "region", kPassportPeriod};
// The keys of whom the sub-form goes back to: the municipal form's responsible person.
constexpr const char* kReturnToItems[] = {"responsible", "position", "phone", "email"};

// Is the workbook a municipal form of this catalogue and version? Throws why not.
void require_municipal_form(const Catalogue& catalogue, const WorkbookSnapshot& municipal, const FormContents& form) {
    const std::string id = form.passport_text(kPassportCatalogueId);
    const std::string version = form.passport_text(kPassportCatalogueVersion);
    if (id.empty() || !municipal.sheet(kRegisterSheet))
        throw std::runtime_error(not_a_form_message());
    if (id != catalogue.info.id)
        throw std::runtime_error("форма составлена по другому каталогу показателей («" + id + "»), а установлен «" +
                                 catalogue.info.id + "»: формы для организаций делаются по установленному каталогу");
    if (version != catalogue.info.version)
        throw std::runtime_error("форма версии «" + version + "», а каталог показателей версии " +
                                 catalogue.info.version +
                                 ": сначала перенесите её в текущую версию (Данные → МСОКО → Перенести в новую "
                                 "версию формы), затем делайте формы для организаций");
    if (read_subform_origin(municipal))
        throw std::runtime_error(
            "книга — уже форма организации (в паспорте есть блок «Форма организации»): формы для организаций "
            "делаются из формы муниципалитета");
}

// What the municipal form holds for an organisation: every typed figure of
// a field of its type, as typed (a date as a date, a text as text).
std::map<std::string, Cell> values_of(const Catalogue& catalogue, const FormContents& form, const RegisterEntry& org) {
    std::map<std::string, Cell> out;
    for (const Field& f : catalogue.fields) {
        if (!f.concerns(org.type))
            continue;
        const Cell& v = form.workbook.value(org.code, f.id);
        if (v.is_empty() || v.kind() == Cell::Kind::Error)
            continue;
        // A text starting with «=» would be written as a formula: the form data cannot spell it.
        if (v.kind() == Cell::Kind::Text && !v.text().empty() && v.text()[0] == '=')
            continue;
        if (f.type == FieldType::Date && v.kind() == Cell::Kind::Number && !iso_date(v.number()).empty())
            out[f.id] = Cell::text(iso_date(v.number()));
        else
            out[f.id] = v;
    }
    return out;
}

}  // namespace

std::string subform_file_name(const RegisterEntry& organisation) {
    const std::string short_name =
        trim(organisation.short_name).empty() ? trim(organisation.name) : trim(organisation.short_name);
    std::string name = trim(organisation.code);
    if (!short_name.empty())
        name += " " + short_name;
    // As suggested_file_name (msoko/new_form.hpp): what a file name cannot hold becomes «-».
    for (char& ch : name)
        if (ch == '/' || ch == '\\' || ch == ':' || ch == '*' || ch == '?' || ch == '"' || ch == '<' || ch == '>' ||
            ch == '|' || static_cast<unsigned char>(ch) < 0x20)
            ch = '-';
    // A long official name: cut at a letter's boundary, so that the name stays valid UTF-8.
    constexpr std::size_t kMaxBytes = 120;
    if (name.size() > kMaxBytes) {
        std::size_t cut = kMaxBytes;
        while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80)
            --cut;
        name = trim(name.substr(0, cut));
    }
    // Windows does not keep a name ending in a dot or a space.
    while (!name.empty() && (name.back() == '.' || name.back() == ' '))
        name.pop_back();
    return (name.empty() ? std::string("организация") : name) + ".ods";
}

std::vector<Subform> make_subforms(const Catalogue& catalogue, const WorkbookSnapshot& municipal,
                                   const std::string& made_at) {
    const FormContents form = read_form(catalogue, municipal);
    require_municipal_form(catalogue, municipal, form);
    const LastYearForm reg = read_last_year(catalogue, municipal);  // the register's organisations, with flags
    if (reg.organisations.empty())
        throw std::runtime_error(std::string("в реестре «") + kRegisterSheet +
                                 "» нет ни одной организации: формы для организаций делаются по реестру; внесите "
                                 "организации (код, наименование, тип)");
    // The register's codes as typed (the register read above keeps the first row of a code).
    const SheetSnapshot& register_sheet = *municipal.sheet(kRegisterSheet);
    const auto code_col = static_cast<std::size_t>(form_layout(catalogue, {}).register_column("code"));
    std::set<std::string> codes;
    for (std::size_t r = FormLayout::kRegisterFirstRow; r < register_sheet.rows; ++r)
        if (const auto code = organisation_code(register_sheet.value(r, code_col)); code && !codes.insert(*code).second)
            throw std::runtime_error("код организации «" + *code + "» дважды в реестре «" + kRegisterSheet +
                                     "»: исправьте реестр (Данные → МСОКО → Проверить форму покажет обе строки)");

    const std::string id = form_id(catalogue.info.id, form.passport_text("region"), form.passport_text("municipality"),
                                   form.passport_text(kPassportPeriod));
    std::vector<Subform> out;
    out.reserve(reg.organisations.size());
    for (const RegisterEntry& org : reg.organisations) {
        Subform s;
        s.organisation = org;
        s.file_name = subform_file_name(org);
        FormData& d = s.data;
        for (const char* key : kCopiedItems)
            if (const std::string v = form.passport_text(key); !v.empty())
                d.passport[key] = v;
        for (const OrganisationType* type : catalogue.register_types()) {
            const bool own = type->id == org.type;
            d.passport[PassportLayout::count_key(*type)] = own ? "1" : "0";
            d.rows[type->plural] = own ? 1 : 0;
        }
        d.organisations = {org};
        if (auto values = values_of(catalogue, form, org); !values.empty())
            d.values[org.code] = std::move(values);
        d.subform = SubformOrigin{org.code, trim(org.short_name).empty() ? org.name : org.short_name, id, made_at};
        for (const char* key : kReturnToItems)
            if (const std::string v = form.passport_text(key); !v.empty())
                d.subform_return_to[key] = v;
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace msoko
