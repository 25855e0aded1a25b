// SPDX-License-Identifier: MPL-2.0
// The forms of a region accepted or refused one by one, and the region's
// values: Σ numerators / Σ denominators over the municipalities' sums (which
// are Σ over their organisations), counts and sums added, a municipal yes/no
// counted. The ranking and the profiles are in region_rank.cpp.
#include "msoko/region.hpp"

#include "msoko/share.hpp"
#include "msoko/text.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace msoko {

namespace {

std::string catalogue_text(const std::string& id, const std::string& version) {
    return version.empty() ? id : id + " " + version;
}

/// The period most forms give (ties: the one first met).
std::string usual(const std::vector<std::string>& values) {
    std::map<std::string, std::size_t> count;
    std::vector<std::string> order;
    for (const auto& v : values)
        if (!v.empty() && count[v]++ == 0)
            order.push_back(v);
    std::string best;
    std::size_t most = 0;
    for (const auto& v : order)
        if (count[v] > most) {
            best = v;
            most = count[v];
        }
    return best;
}

bool is_municipal_flag(const Catalogue& catalogue, const Indicator& ind) {
    if (ind.compute.kind != Computation::Kind::Flag)
        return false;
    const std::string& municipal = catalogue.municipal_type().id;
    return std::all_of(ind.org_types.begin(), ind.org_types.end(),
                       [&](const std::string& t) { return t == municipal; });
}

RegionValue region_value(const Catalogue& catalogue, const Indicator& ind, std::size_t index,
                         const std::vector<RegionMunicipality>& municipalities) {
    RegionValue out;
    out.indicator = &ind;
    const Computation& c = ind.compute;
    const bool share = c.kind == Computation::Kind::Ratio || c.kind == Computation::Kind::BandShare ||
                       c.kind == Computation::Kind::OrganisationShare;
    const bool yes_count = is_municipal_flag(catalogue, ind);
    out.method = share ? "ratio" : yes_count ? "yes_count" : "sum";
    out.unit = yes_count ? "МО с «да»" : ind.unit;
    double num = 0, den = 0;
    for (const auto& m : municipalities) {
        const IndicatorFigures* f = m.figures[index];
        const bool has_value = f && f->status == Result::Status::Value && f->value;
        if (!has_value)
            out.without_value.push_back(m.name);
        if (share) {
            // A municipality with no one to count (0 of 0) adds nothing and is not left out.
            if (!f || !f->numerator || !f->denominator ||
                (f->status != Result::Status::Value && f->status != Result::Status::NotApplicable))
                continue;
            num += *f->numerator;
            den += *f->denominator;
            ++out.municipalities;
        } else if (has_value) {
            num += yes_count ? (*f->value == 1 ? 1.0 : 0.0) : *f->value;
            den += 1;
            ++out.municipalities;
        }
    }
    if (out.municipalities == 0)
        return out;
    out.numerator = num;
    out.denominator = den;
    if (share) {
        if (den > 0)
            out.value = scaled_ratio(c.kind == Computation::Kind::Ratio ? c.multiplier : 100.0, num, den);
    } else {
        out.value = num;
    }
    return out;
}

RegionEntry entry_of(const RegionForm& form, std::size_t index) {
    const SubmissionFigures& f = form.figures;
    RegionEntry e;
    e.municipality = trim(f.municipality);
    e.file = form.file;
    e.catalogue = catalogue_text(f.catalogue_id, f.catalogue_version);
    e.period = trim(f.period);
    e.check_summary = f.check_summary;
    e.errors = f.errors;
    e.warnings = f.warnings_count;
    e.responsible = f.responsible;
    e.filled_on = f.filled_on;
    e.prepared_at = form.prepared_at;
    e.form = index;
    e.status = f.ready ? RegionEntry::Status::Accepted : RegionEntry::Status::NotReady;
    if (!f.ready)
        e.message = "проверка нашла ошибки; значения с ошибками в свод не вошли";
    return e;
}

}  // namespace

std::string region_key(const std::string& name) {
    std::string folded = fold(name);
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < folded.size();) {
        const unsigned char ch = static_cast<unsigned char>(folded[i]);
        // ё (D1 91) as е (D0 B5)
        if (ch == 0xD1 && i + 1 < folded.size() && static_cast<unsigned char>(folded[i + 1]) == 0x91) {
            out += "\xD0\xB5";
            space = false;
            i += 2;
            continue;
        }
        // «» (C2 AB / C2 BB) and other punctuation: as a space
        if (ch == 0xC2 && i + 1 < folded.size()) {
            const unsigned char next = static_cast<unsigned char>(folded[i + 1]);
            if (next == 0xAB || next == 0xBB || next == 0xA0) {
                space = !out.empty();
                i += 2;
                continue;
            }
        }
        // “” „ – — (E2 80 xx)
        if (ch == 0xE2 && i + 2 < folded.size() && static_cast<unsigned char>(folded[i + 1]) == 0x80) {
            space = !out.empty();
            i += 3;
            continue;
        }
        if (ch < 0x80 && !std::isalnum(ch)) {
            space = !out.empty();
            ++i;
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += folded[i++];
    }
    return out;
}

const char* entry_status_text(RegionEntry::Status status) {
    switch (status) {
        case RegionEntry::Status::Accepted:
            return "принята";
        case RegionEntry::Status::NotReady:
            return "принята, есть ошибки";
        case RegionEntry::Status::Refused:
            return "не принята";
        case RegionEntry::Status::Failed:
            return "не прочитана";
    }
    return "";
}

const RegionValue* Region::value(const std::string& indicator) const {
    for (const auto& v : values)
        if (v.indicator && v.indicator->id == indicator)
            return &v;
    return nullptr;
}

void rank_region(const Catalogue& catalogue, Region& region, const RegionOptions& options);  // region_rank.cpp

Region consolidate(const Catalogue& catalogue, std::vector<RegionForm> forms,
                   const std::vector<RegionFailure>& failures, const RegionOptions& options) {
    Region region;
    region.catalogue = catalogue_text(catalogue.info.id, catalogue.info.version);
    region.forms = std::move(forms);
    region.small_base = options.small_base;

    // 1. Each form alone: its catalogue, its municipality.
    std::vector<std::string> periods, regions;
    for (std::size_t i = 0; i < region.forms.size(); ++i) {
        RegionEntry e = entry_of(region.forms[i], i);
        const SubmissionFigures& f = region.forms[i].figures;
        if (f.catalogue_id != catalogue.info.id) {
            e.status = RegionEntry::Status::Refused;
            e.message = "форма другого каталога показателей (" + e.catalogue + "), свод — по каталогу " +
                        region.catalogue + ": не принята";
        } else if (f.catalogue_version != catalogue.info.version) {
            e.status = RegionEntry::Status::Refused;
            e.message = "форма версии каталога " + f.catalogue_version + ", свод — по версии " +
                        catalogue.info.version +
                        ": не принята; перенесите её на новую версию («Данные → МСОКО → Перенести форму…» или "
                        "msoko migrate) и пришлите снова";
        } else if (e.municipality.empty()) {
            e.status = RegionEntry::Status::Refused;
            e.message = "в паспорте формы не указано муниципальное образование: не принята";
        } else {
            periods.push_back(e.period);
            regions.push_back(trim(f.region));
        }
        region.entries.push_back(std::move(e));
    }
    region.period = options.period.empty() ? usual(periods) : options.period;
    region.title = usual(regions);

    // 2. The period: one region, one period.
    for (auto& e : region.entries)
        if (e.status != RegionEntry::Status::Refused && !region.period.empty() && e.period != region.period) {
            e.status = RegionEntry::Status::Refused;
            e.message = "форма за период «" + e.period + "», свод — за «" + region.period + "»: не принята";
        }

    // 3. Two forms of one municipality: neither, or the newer one when asked.
    std::map<std::string, std::vector<std::size_t>> by_key;
    for (std::size_t i = 0; i < region.entries.size(); ++i)
        if (region.entries[i].status != RegionEntry::Status::Refused)
            by_key[region_key(region.entries[i].municipality)].push_back(i);
    for (auto& [key, list] : by_key) {
        if (list.size() < 2)
            continue;
        std::vector<std::string> files;
        for (std::size_t i : list)
            files.push_back("«" + region.entries[i].file + "»");
        std::size_t newest = list.front();
        for (std::size_t i : list)
            if (region.entries[i].prepared_at >= region.entries[newest].prepared_at)
                newest = i;
        for (std::size_t i : list) {
            RegionEntry& e = region.entries[i];
            if (options.take_newer && i == newest) {
                e.message = "из " + std::to_string(list.size()) + " форм муниципалитета взята эта, более новая (" +
                            join(files) + ")";
                continue;
            }
            e.status = RegionEntry::Status::Refused;
            e.message = options.take_newer
                            ? "есть более новая форма этого муниципалитета за тот же период («" +
                                  region.entries[newest].file + "»): не принята"
                            : std::to_string(list.size()) + " формы муниципалитета за один период (" + join(files) +
                                  "): ни одна не взята; оставьте одну или возьмите более новую (--newer)";
        }
    }

    // 4. The accepted municipalities, by name.
    for (const auto& e : region.entries)
        if (e.status == RegionEntry::Status::Accepted || e.status == RegionEntry::Status::NotReady) {
            RegionMunicipality m;
            m.name = e.municipality;
            m.form = *e.form;
            std::map<std::string, const IndicatorFigures*> by_id;
            for (const auto& f : region.forms[m.form].figures.indicators)
                by_id[f.id] = &f;
            for (const auto& ind : catalogue.indicators) {
                const auto it = by_id.find(ind.id);
                m.figures.push_back(it == by_id.end() ? nullptr : it->second);
            }
            region.municipalities.push_back(std::move(m));
        }
    std::sort(region.municipalities.begin(), region.municipalities.end(),
              [](const RegionMunicipality& a, const RegionMunicipality& b) {
                  return region_key(a.name) < region_key(b.name);
              });

    // 5. The files that were no form, then who is missing.
    for (const auto& failure : failures) {
        RegionEntry e;
        e.status = RegionEntry::Status::Failed;
        e.file = failure.file;
        e.message = failure.message;
        region.entries.push_back(std::move(e));
    }
    std::set<std::string> accepted, expected;
    for (const auto& m : region.municipalities)
        accepted.insert(region_key(m.name));
    for (const auto& name : options.expected) {
        const std::string key = region_key(name);
        if (key.empty() || !expected.insert(key).second)
            continue;
        if (!accepted.count(key))
            region.missing.push_back(trim(name));
    }
    if (!expected.empty())
        for (auto& e : region.entries)
            if (!e.municipality.empty() && !expected.count(region_key(e.municipality)))
                e.message += std::string(e.message.empty() ? "" : "; ") + "муниципалитета нет в списке ожидаемых";

    // 6. The region's values.
    for (std::size_t i = 0; i < catalogue.indicators.size(); ++i)
        region.values.push_back(region_value(catalogue, catalogue.indicators[i], i, region.municipalities));
    rank_region(catalogue, region, options);
    return region;
}

}  // namespace msoko
