from fastapi import FastAPI
from lxml import etree

app = FastAPI()
DOC = etree.parse("staff.xml")


@app.get("/salary")
def salary(name: str):
    values = DOC.xpath("//employee[name='%s']/salary/text()" % name)  # vuln: query param in an XPath expression
    return {"name": name, "salary": values[0] if values else None}
