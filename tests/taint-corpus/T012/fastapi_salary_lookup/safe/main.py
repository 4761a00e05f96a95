from fastapi import FastAPI
from lxml import etree

app = FastAPI()
DOC = etree.parse("staff.xml")


@app.get("/salary")
def salary(name: str):
    values = DOC.xpath("//employee[name=$name]/salary/text()", name=name)  # safe: XPath variable
    return {"name": name, "salary": values[0] if values else None}
