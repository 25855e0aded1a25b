// SPDX-License-Identifier: MPL-2.0
#pragma once

// The indicator catalogue: directions, primary data fields, indicators and
// the rules between fields, loaded from a `msoko-catalogue/1` JSON file
// (docs/catalogue-format.md). A catalogue is loaded completely or not at all:
// every inconsistency throws CatalogueError naming file, JSON path and problem.

#include "msoko/catalogue_info.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace msoko {

/// A kind of row of the form: `school`, `kindergarten`, `municipality`.
/// Exactly one type is the municipal level (`"level": "municipality"`): the
/// municipality's own row of every direction sheet; the others are the kinds
/// of organisations of the register «Организации».
struct OrganisationType {
    std::string id;
    std::string title;        ///< Russian, e.g. «общеобразовательная организация»
    std::string short_title;  ///< ОО, ДОО, УО
    bool municipal = false;   ///< the municipal level
    /// The English plural naming the type in a form's data file and passport
    /// (`schools`: rows of the register, `schools_expected`); `id + "s"` by default.
    std::string plural;
    /// The passport's question how many there are, without the short title
    /// («Число общеобразовательных организаций»); a generic one by default.
    std::string count_title;
};

/// A mark an organisation may carry, e.g. `shnor` (ШНОР).
struct Flag {
    std::string id;
    std::string title;
    std::string short_title;
    std::vector<std::string> org_types;  ///< the register's types that carry it; every one by default

    bool concerns(const std::string& org_type) const;
};

enum class FieldType { Count, Number, YesNo, Date, Text, Link };

/// The catalogue spelling of a field type (`count`, `yes_no` …).
const char* to_string(FieldType t);

/// One primary figure entered on a direction's sheet, per organisation.
struct Field {
    std::string id;
    std::string direction;  ///< id of the direction whose sheet holds it
    std::string title;
    FieldType type = FieldType::Count;
    std::string unit;
    std::vector<std::string> org_types;
    std::string filled_by;  ///< ОО, ДОО or УО
    bool required = true;
    std::optional<double> min;
    std::optional<double> max;
    std::string note;

    bool concerns(const std::string& org_type) const;
};

/// How an indicator is computed from fields (see the format's table).
struct Computation {
    enum class Kind { Ratio, Count, Sum, Flag, OrganisationShare, BandShare };
    struct Band {
        double from = 0;
        std::string field;
    };
    Kind kind = Kind::Ratio;
    std::vector<std::string> numerator;    ///< Ratio
    std::vector<std::string> denominator;  ///< Ratio, BandShare
    double multiplier = 100.0;             ///< Ratio
    std::vector<std::string> fields;       ///< Count, Sum, Flag, OrganisationShare: the fields summed or read
    std::vector<Band> bands;               ///< BandShare, ascending by `from`

    /// Every field the computation reads, in a stable order.
    std::vector<std::string> inputs() const;
};

const char* to_string(Computation::Kind k);

struct Indicator {
    std::string id;  ///< `<direction>.<position>`
    std::string direction;
    std::string title;
    std::string unit;
    std::vector<std::string> org_types;
    std::vector<std::string> scope_flags;  ///< empty: every organisation of org_types
    Computation compute;
    std::string duplicate_of;  ///< id of the indicator it repeats, or empty
    std::string note;

    bool concerns(const std::string& org_type) const;
};

/// A rule between fields, checked in every row of the form.
struct Rule {
    enum class Kind { PartWhole, SumEquals, SameValue, RequiresEvidence };
    Kind kind = Kind::PartWhole;
    std::string direction;
    std::vector<std::string> fields;  ///< PartWhole: {part, whole}; SumEquals: parts…, total last;
                                      ///< SameValue: the fields; RequiresEvidence: flag, evidence…
    bool derived = false;             ///< added by the loader from a single-field ratio
    std::string source;               ///< JSON path of the rule, or of the ratio it came from
};

const char* to_string(Rule::Kind k);

struct Direction {
    std::string id;
    std::string short_title;  ///< a few words for a sheet name; the title when absent
    std::string group;
    std::string title;
    std::string source;
    std::string note;
    std::vector<std::string> fields;      ///< field ids, in the catalogue's order
    std::vector<std::string> indicators;  ///< indicator ids, in order
};

/// How one field of the version the catalogue's `changes` lead from becomes
/// the current version's (docs/catalogue-format.md, «changes»). A field of
/// the old version not named keeps its value when its id is still a field.
struct FieldChange {
    enum class Kind {
        Renamed,    ///< `new`: the same figure under another id
        Removed,    ///< `removed`: no longer asked; its values are dropped
        Merged,     ///< `into`: one field now; `sum`: the values are added to the target's
        Split,      ///< `split`: several fields now, filled anew (`keep`: the one that takes its value)
        Redefined,  ///< `redefined`: the id stays, the meaning changed: filled anew
    };
    Kind kind = Kind::Renamed;
    std::string old_id;              ///< the field of the old version
    std::string target;              ///< Renamed, Merged: the current field
    std::vector<std::string> split;  ///< Split: the current fields it became
    std::string keep;                ///< Split: the one of them that takes the old value, or empty
    std::string reason;              ///< Removed, Redefined: why, Russian (shown to the user)
    bool sum = false;                ///< Merged: added to the target's value (else one of equal values)
    std::string source;              ///< JSON path of the entry
};

/// The catalogue's `changes`: what became of the fields of version `from`.
struct CatalogueChanges {
    std::string from;  ///< the version they lead from; empty: the catalogue declares none
    std::vector<FieldChange> fields;

    /// The change of an old field, or null (kept when its id is a current field).
    const FieldChange* of(const std::string& old_id) const;
};

class Catalogue {
public:
    CatalogueInfo info;
    std::string source;
    std::vector<OrganisationType> organisation_types;
    std::vector<Flag> flags;
    std::vector<Direction> directions;
    std::vector<Field> fields;
    std::vector<Indicator> indicators;
    std::vector<Rule> rules;
    CatalogueChanges changes;  ///< from the previous version; empty `from` when none are declared

    const Field* field(const std::string& id) const;
    const Indicator* indicator(const std::string& id) const;
    const Direction* direction(const std::string& id) const;
    const OrganisationType* organisation_type(const std::string& id) const;
    /// The type whose short title is `short_title` (ОО, УДО …, as the form's
    /// «Тип» column shows it; any case, surrounding spaces ignored), or null.
    const OrganisationType* organisation_type_by_short(const std::string& short_title) const;
    /// The municipal level (the loader makes sure there is exactly one).
    const OrganisationType& municipal_type() const;
    /// The kinds of organisations of the register: every type but the
    /// municipal level, in the catalogue's order.
    std::vector<const OrganisationType*> register_types() const;

    /// Builds the look-up indexes; called by the loader.
    void index();

private:
    std::map<std::string, std::size_t> field_index_;
    std::map<std::string, std::size_t> indicator_index_;
    std::map<std::string, std::size_t> direction_index_;
};

/// Parses and checks a catalogue; `file` names it in errors.
/// @throws CatalogueError on any problem (file, JSON path, what is wrong).
Catalogue parse_catalogue(const std::string& json, const std::string& file);

/// Reads and checks the catalogue in `path`.
Catalogue read_catalogue(const std::string& path);

}  // namespace msoko
