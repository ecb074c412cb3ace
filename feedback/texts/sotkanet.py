"""Texts of the Sotkanet import: each problem of a file and each note of its preview, as one
line `FILE:ROW: …` shows it (feedback.plans.sotkanet.Line)."""

TEXTS: dict[str, dict[str, str]] = {
    "sotkanet.more_rows": {
        "fi": "; ja {n} muulla rivillä",
        "sv": "; och på {n} rader till",
        "en": "; and on {n} more rows",
    },
    "sotkanet.more_problems": {
        "fi": "… ja {n} muuta virhettä",
        "sv": "… och {n} fel till",
        "en": "… and {n} more problems",
    },
    "sotkanet.too_big": {
        "fi": "tiedostossa on {size} tavua; enintään {limit} luetaan",
        "sv": "filen är {size} byte; högst {limit} läses",
        "en": "the file is {size} bytes; at most {limit} are read",
    },
    "sotkanet.not_utf8": {
        "fi": "teksti ei ole UTF-8-muotoista (tavu {byte}); tallenna vienti UTF-8-muodossa",
        "sv": "texten är inte UTF-8 (byte {byte}); spara exporten som UTF-8",
        "en": "not UTF-8 text (byte {byte}); save the export as UTF-8",
    },
    "sotkanet.empty": {
        "fi": "tiedosto on tyhjä",
        "sv": "filen är tom",
        "en": "the file is empty",
    },
    "sotkanet.not_json": {
        "fi": "ei kelvollista JSONia: {error}",
        "sv": "inte giltig JSON: {error}",
        "en": "not valid JSON: {error}",
    },
    "sotkanet.json_not_list": {
        "fi": "JSONin on oltava luettelo olioita, kuten /rest/1.1/json palauttaa",
        "sv": "JSON ska vara en lista av objekt, som /rest/1.1/json returnerar",
        "en": "the JSON must be a list of objects, as /rest/1.1/json returns",
    },
    "sotkanet.json_item": {
        "fi": "kohta {n} ei ole olio",
        "sv": "post {n} är inte ett objekt",
        "en": "item {n} is not an object",
    },
    "sotkanet.json_missing": {
        "fi": "puuttuu {keys}",
        "sv": "saknar {keys}",
        "en": "missing {keys}",
    },
    "sotkanet.no_header": {
        "fi": "tiedostossa ei ole otsikkoriviä",
        "sv": "filen har ingen rubrikrad",
        "en": "the file has no header row",
    },
    "sotkanet.commas": {
        "fi": "sarakkeet on erotettu pilkuin; Sotkanetin CSV:ssä erottimena on puolipiste",
        "sv": "kolumnerna skiljs åt med kommatecken; Sotkanets CSV använder semikolon",
        "en": "the columns are separated by commas; Sotkanet's CSV uses semicolons",
    },
    "sotkanet.columns": {
        "fi": "sarakkeet {columns} puuttuvat; otsikkorivin on oltava "
        "indicator;region;year;gender;primary value;absolute value",
        "sv": "kolumnerna {columns} saknas; rubrikraden ska vara "
        "indicator;region;year;gender;primary value;absolute value",
        "en": "missing the columns {columns}; the header must be "
        "indicator;region;year;gender;primary value;absolute value",
    },
    "sotkanet.too_many_rows": {
        "fi": "{rows} riviä; enintään {limit} luetaan",
        "sv": "{rows} rader; högst {limit} läses",
        "en": "{rows} rows; at most {limit} are read",
    },
    "sotkanet.not_whole.indicator": {
        "fi": "indikaattori {raw} ei ole kokonaisluku",
        "sv": "indikatorn {raw} är inte ett heltal",
        "en": "indicator {raw} is not a whole number",
    },
    "sotkanet.not_whole.region": {
        "fi": "alue {raw} ei ole kokonaisluku",
        "sv": "området {raw} är inte ett heltal",
        "en": "region {raw} is not a whole number",
    },
    "sotkanet.not_whole.year": {
        "fi": "vuosi {raw} ei ole kokonaisluku",
        "sv": "året {raw} är inte ett heltal",
        "en": "year {raw} is not a whole number",
    },
    "sotkanet.year_range": {
        "fi": "vuosi {year} ei ole väliltä 1900–2100",
        "sv": "året {year} ligger inte mellan 1900 och 2100",
        "en": "year {year} is not between 1900 and 2100",
    },
    "sotkanet.gender": {
        "fi": "sukupuoli {raw} ei ole total, male eikä female",
        "sv": "kön {raw} är inte total, male eller female",
        "en": "gender {raw} is not total, male or female",
    },
    "sotkanet.value": {
        "fi": "arvo {raw} ei ole luku",
        "sv": "värdet {raw} är inte ett tal",
        "en": "value {raw} is not a number",
    },
    "sotkanet.twice": {
        "fi": "indikaattori {indicator}, alue {region}, vuosi {year}, {gender} on jo rivillä "
        "{first} (sama vuosi kahdesti)",
        "sv": "indikator {indicator}, område {region}, år {year}, {gender} finns redan på rad "
        "{first} (samma år två gånger)",
        "en": "indicator {indicator}, region {region}, year {year}, {gender} is already on row "
        "{first} (a year twice)",
    },
    "sotkanet.unmapped": {
        "fi": "Sotkanetin indikaattoria {indicator} ei ole liitetty suunnitelman '{plan}' "
        "indikaattoriin (lisää jollekin sotkanet: {{id: {indicator}}})",
        "sv": "Sotkanets indikator {indicator} är inte kopplad till någon indikator i planen "
        "'{plan}' (lägg till sotkanet: {{id: {indicator}}} på en)",
        "en": "Sotkanet indicator {indicator} is not mapped to an indicator of plan '{plan}' "
        "(add sotkanet: {{id: {indicator}}} to one)",
    },
    "sotkanet.out_of_range": {
        "fi": "arvo {value} on sallitun alueen ulkopuolella indikaattorille {indicator} "
        "({unit}: {range})",
        "sv": "värdet {value} ligger utanför det tillåtna för {indicator} ({unit}: {range})",
        "en": "value {value} is out of range for {indicator} ({unit}: {range})",
    },
    "sotkanet.no_regions": {
        "fi": "suunnitelma '{plan}' ei nimeä Sotkanet-alueita (sotkanet: FORMAT.md:ssä)",
        "sv": "planen '{plan}' anger inga Sotkanet-områden (sotkanet: i FORMAT.md)",
        "en": "plan '{plan}' names no Sotkanet regions (sotkanet: in FORMAT.md)",
    },
    "sotkanet.renumbered": {
        "fi": "alue {old} on Sotkanetin vanha tunnus (ennen vuotta 2023) alueelle {name}; "
        "luettu tunnuksena {new}",
        "sv": "område {old} är Sotkanets gamla id för {name} (före 2023); läst som {new}",
        "en": "region {old} is Sotkanet's old id of {name} (before 2023); read as {new}",
    },
    "sotkanet.aside.regions": {
        "fi": "sivuun jätetyt rivit muilta alueilta ({regions} aluetta): {rows}",
        "sv": "rader som lämnas bort från andra områden ({regions} områden): {rows}",
        "en": "rows set aside of other regions ({regions} regions): {rows}",
    },
    "sotkanet.aside.genders": {
        "fi": "sivuun jätetyt rivit sukupuolista, joita suunnitelma ei seuraa: {rows}",
        "sv": "rader som lämnas bort för kön som planen inte följer: {rows}",
        "en": "rows set aside of genders the plan does not follow: {rows}",
    },
    "sotkanet.aside.no_value": {
        "fi": "sivuun jätetyt rivit ilman arvoa (Sotkanet ei julkaise niille lukua): {rows}",
        "sv": "rader som lämnas bort utan värde (Sotkanet publicerar inget tal för dem): {rows}",
        "en": "rows set aside without a value (Sotkanet publishes none for them): {rows}",
    },
    "sotkanet.metadata": {
        "fi": "ei Sotkanetin indikaattorin metatietoja (/rest/1.1/indicators/ID: id ja "
        "primaryValueType)",
        "sv": "inte metadata för en Sotkanet-indikator (/rest/1.1/indicators/ID: id och "
        "primaryValueType)",
        "en": "not a Sotkanet indicator's metadata (/rest/1.1/indicators/ID: id and "
        "primaryValueType)",
    },
    "sotkanet.unit": {
        "fi": "indikaattorin {indicator} yksikkö Sotkanetin metatiedoista: {unit} "
        "(suunnitelmassa {plan})",
        "sv": "enheten för indikator {indicator} enligt Sotkanets metadata: {unit} "
        "(planen säger {plan})",
        "en": "the unit of indicator {indicator} from Sotkanet's metadata: {unit} "
        "(the plan says {plan})",
    },
    "sotkanet.nothing_mapped": {
        "fi": "suunnitelman '{plan}' indikaattoreita ei ole liitetty Sotkanetiin (sotkanet: "
        "FORMAT.md:ssä)",
        "sv": "planen '{plan}' har inga indikatorer kopplade till Sotkanet (sotkanet: i FORMAT.md)",
        "en": "plan '{plan}' maps no indicator to Sotkanet (sotkanet: in FORMAT.md)",
    },
    "sotkanet.children": {
        "fi": "{value} ei ole lasten lukumäärä (kokonaisluku, vähintään 0) ikäryhmälle {band}",
        "sv": "{value} är inte ett antal barn (ett heltal, 0 eller mer) för åldersgruppen {band}",
        "en": "{value} is not a number of children (a whole number, 0 or more) for age band {band}",
    },
}
